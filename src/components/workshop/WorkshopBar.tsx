import { useState } from 'react'
import { closeVotingRound, endVoting, extendTimer, openVotingRound, pauseTimer, resumeTimer, revealVotes, setLocked, startTimer, stopTimer } from '../../commands'
import { ANNOTATION_KINDS, type AnnotationKind } from '../../model'
import { ANNOTATION_LABELS } from '../../i18n/phaseNames'
import { relayNow } from '../../sync'
import { selectWorkshop, useJourneyStore } from '../../store'
import { useMapSession } from '../MapSessionContext'

/** The facilitator's controls: timer, lock, dot voting, spotlight, presentation, versions. */
export function WorkshopBar({ onOpenVersions }: { onOpenVersions(): void }) {
  const session = useMapSession()
  const { doc } = session
  const workshop = useJourneyStore(selectWorkshop)
  const offset = useJourneyStore((s) => s.clockOffset)
  const present = useJourneyStore((s) => s.present)
  const [minutes, setMinutes] = useState(5)
  const [kind, setKind] = useState<AnnotationKind>('pain-point')
  const [budget, setBudget] = useState(3)
  const [spotlight, setSpotlight] = useState(false)
  const now = () => relayNow(offset)
  const { timer, voting, locked } = workshop

  const toggleSpotlight = () => {
    const next = !spotlight
    setSpotlight(next)
    session.setPresence('spotlight', next)
  }

  return (
    <div className="workshop-bar" role="toolbar" aria-label="Workshop controls">
      <div className="wb-group" role="group" aria-label="Timer">
        {timer.status === 'stopped' ? (
          <>
            <label>
              <span className="visually-hidden">Timer minutes</span>
              <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Math.max(1, Math.min(240, Number(e.target.value) || 1)))} aria-label="Timer minutes" />
            </label>
            <button type="button" onClick={() => startTimer(doc, minutes * 60_000, now())}>
              Start timer
            </button>
          </>
        ) : (
          <>
            {timer.status === 'running' ? (
              <button type="button" onClick={() => pauseTimer(doc, now())}>
                Pause timer
              </button>
            ) : (
              <button type="button" onClick={() => resumeTimer(doc, now())}>
                Resume timer
              </button>
            )}
            <button type="button" onClick={() => extendTimer(doc, 60_000, now())}>
              +1 min
            </button>
            <button type="button" onClick={() => stopTimer(doc)}>
              Stop timer
            </button>
          </>
        )}
      </div>
      <div className="wb-group" role="group" aria-label="Dot voting">
        {!voting ? (
          <>
            <label>
              <span className="visually-hidden">Vote on</span>
              <select value={kind} onChange={(e) => setKind(e.target.value as AnnotationKind)} aria-label="Vote on">
                {ANNOTATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {ANNOTATION_LABELS[k].many}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="visually-hidden">Votes per participant</span>
              <input type="number" min={1} max={50} value={budget} onChange={(e) => setBudget(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} aria-label="Votes per participant" />
            </label>
            <button type="button" onClick={() => openVotingRound(doc, { kind, budget })}>
              Start voting
            </button>
          </>
        ) : (
          <>
            {voting.status === 'open' && (
              <button type="button" onClick={() => closeVotingRound(doc)}>
                Close voting
              </button>
            )}
            <button type="button" onClick={() => revealVotes(doc, !voting.revealed)}>
              {voting.revealed ? 'Hide results' : 'Reveal results'}
            </button>
            <button type="button" onClick={() => endVoting(doc)}>
              End voting
            </button>
          </>
        )}
      </div>
      <div className="wb-group">
        <button type="button" aria-pressed={locked} onClick={() => setLocked(doc, !locked)}>
          {locked ? 'Unlock map' : 'Lock map'}
        </button>
        <button type="button" aria-pressed={spotlight} onClick={toggleSpotlight}>
          {spotlight ? 'Release everyone' : 'Bring everyone here'}
        </button>
        <button type="button" onClick={() => present(0)}>
          Present
        </button>
        <button type="button" onClick={onOpenVersions}>
          Versions
        </button>
      </div>
    </div>
  )
}
