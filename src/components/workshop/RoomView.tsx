import { useReactFlow, useStore } from '@xyflow/react'
import { lazy, Suspense, useEffect, useMemo } from 'react'
import { countVoters } from '../../model'
import { useT } from '../../i18n/useT'
import { selectPeople, selectSnapshot, selectWorkshop, useJourneyStore, type JourneyState } from '../../store'
import { selectCanVote } from '../../store/votingAccess'
import { TimerDisplay } from './TimerDisplay'

/** Carries the QR encoder: loaded when room view opens. */
const JoinCodeBadge = lazy(() => import('./JoinCodeBadge').then((m) => ({ default: m.JoinCodeBadge })))

const selectSetRoomView = (s: JourneyState) => s.setRoomView
const selectRoll = (s: JourneyState) => s.roll

/**
 * Room view, for the projector: the page shows the map alone (MapPage leaves out every panel and
 * toolbar), fitted to the screen, with its type scaled so that at the fitted zoom a card's title
 * reads at ≥ 20 px and a stage's name at ≥ 18 px (app.css, from `--room-zoom`). A large timer and
 * the voting progress sit in a corner, with the join code on a facilitator's screen. Escape returns. The canvas stays the same canvas, so the
 * spotlight and following work as before.
 */
export function RoomView() {
  const setRoomView = useJourneyStore(selectSetRoomView)
  const flow = useReactFlow()
  const zoom = useStore((s) => s.transform[2])
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const t = useT()

  // Fit once the panels are gone and the canvas has its new size.
  useEffect(() => {
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.02 }))
    return () => cancelAnimationFrame(frame)
  }, [flow, width, height])
  useEffect(() => {
    const page = document.querySelector<HTMLElement>('.map-page')
    page?.style.setProperty('--room-zoom', String(zoom))
    return () => {
      page?.style.removeProperty('--room-zoom')
    }
  }, [zoom])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return
      e.stopPropagation()
      setRoomView(false)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [setRoomView])

  return (
    <aside className="room-corner" aria-label={t('room.label')}>
      <Suspense fallback={null}>
        <JoinCodeBadge className="join-badge join-badge-room" />
      </Suspense>
      <TimerDisplay />
      <VotingProgress />
      <button type="button" onClick={() => setRoomView(false)}>
        {t('room.leave')}
      </button>
    </aside>
  )
}

/** "7 of 9 have voted": of the people here who may vote in the round (this screen's own included when it may). */
function VotingProgress() {
  const { voting } = useJourneyStore(selectWorkshop)
  const snapshot = useJourneyStore(selectSnapshot)
  const roll = useJourneyStore(selectRoll)
  const people = useJourneyStore(selectPeople)
  const selfVotes = useJourneyStore(selectCanVote)
  const t = useT()
  const voters = useMemo(() => (voting ? countVoters(snapshot, voting, roll) : 0), [snapshot, voting, roll])
  if (!voting || voting.status !== 'open') return null
  const eligible = people.filter((p) => p.role !== 'viewer' || voting.viewersVote).length + (selfVotes ? 1 : 0)
  return (
    <p className="room-voted" data-testid="room-voted">
      {t('room.voted', { count: String(voters), total: String(Math.max(voters, eligible)) })}
    </p>
  )
}
