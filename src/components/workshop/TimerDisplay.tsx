import { useEffect, useRef, useState } from 'react'
import { timerRemaining } from '../../model'
import { selectWorkshop, useJourneyStore } from '../../store'
import { formatDuration, useRelayNow } from './useRelayNow'
import { useT } from '../../i18n/useT'

/** The shared workshop timer, the same on every screen; flashes and chimes when time is up. */
export function TimerDisplay() {
  const { timer } = useJourneyStore(selectWorkshop)
  const now = useRelayNow(timer.status === 'running')
  const remaining = timerRemaining(timer, now)
  const [ended, setEnded] = useState(false)
  const chimedFor = useRef<number | null>(null)
  const t = useT()

  useEffect(() => {
    if (timer.status !== 'running') {
      setEnded(false)
      return
    }
    if (remaining > 0) {
      setEnded(false)
      return
    }
    setEnded(true)
    if (chimedFor.current !== timer.endsAt) {
      chimedFor.current = timer.endsAt
      chime()
    }
  }, [remaining, timer])

  if (timer.status === 'stopped') return null
  return (
    <span className={`timer${ended ? ' is-ended' : ''}${timer.status === 'paused' ? ' is-paused' : ''}`} role="timer" aria-label={t('timer.label')} data-testid="timer">
      <span aria-hidden="true">⏱</span> {ended ? t('timer.up') : formatDuration(remaining)}
      {timer.status === 'paused' && <span className="small"> {t('timer.paused')}</span>}
    </span>
  )
}

/** Three short tones through Web Audio: no sound file to ship. */
function chime(): void {
  try {
    const ctx = new AudioContext()
    ;[0, 0.25, 0.5].forEach((at, i) => {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.frequency.value = [880, 988, 1175][i]
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + at)
      gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + at + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + 0.22)
      osc.connect(gain).connect(ctx.destination)
      osc.start(ctx.currentTime + at)
      osc.stop(ctx.currentTime + at + 0.25)
    })
    setTimeout(() => void ctx.close(), 1500)
  } catch {
    // No audio device (or autoplay blocked): the visual cue still shows.
  }
}
