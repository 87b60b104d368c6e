import { useEffect, useRef, useState } from 'react'
import { timerRemaining } from '../../model'
import { selectWorkshop, useJourneyStore, type JourneyState } from '../../store'
import { selectLeader } from '../../canvas/useFollow'
import { useT } from '../../i18n/useT'
import { useRelayNow } from './useRelayNow'

/** The name of the facilitator whose spotlight this participant follows, or '' (a string: a cheap selector). */
const selectSummoner = (s: JourneyState): string => {
  if (s.role === 'facilitator') return ''
  const leader = selectLeader(s)
  const peer = leader !== null ? s.peers.find((p) => p.clientId === leader) : undefined
  return peer?.spotlight ? peer.name || '?' : ''
}

/**
 * What a screen-reader user must hear when someone else changes the workshop: the map locked or
 * unlocked, the timer running out, being summoned to the facilitator's view and let go again.
 * One live region, always in the page (a region that appears with its text is often not read),
 * saying only changes that happen while the map is open.
 */
export function Announcer() {
  const t = useT()
  const role = useJourneyStore((s) => s.role)
  const locked = useJourneyStore((s) => s.workshop.locked)
  const summoner = useJourneyStore(selectSummoner)
  const { timer } = useJourneyStore(selectWorkshop)
  const now = useRelayNow(timer.status === 'running', 500)
  const timeUp = timer.status === 'running' && timerRemaining(timer, now) <= 0
  const [message, setMessage] = useState('')
  const seen = useRef<{ locked: boolean; summoner: string; timeUp: boolean } | null>(null)

  useEffect(() => {
    const before = seen.current
    seen.current = { locked, summoner, timeUp }
    if (!before) return
    const said: string[] = []
    if (locked !== before.locked && role !== 'facilitator') said.push(t(locked ? 'announce.locked' : 'announce.unlocked'))
    if (summoner !== before.summoner) said.push(summoner ? t('announce.summoned', { name: summoner }) : t('announce.released', { name: before.summoner }))
    if (timeUp && !before.timeUp) said.push(t('announce.timeUp'))
    if (said.length > 0) setMessage(said.join(' '))
  }, [locked, summoner, timeUp, role, t])

  return (
    <p className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="announcer">
      {message}
    </p>
  )
}
