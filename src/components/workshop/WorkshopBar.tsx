import { lazy, Suspense, useState } from 'react'
import { closeVotingRound, endVoting, extendTimer, openVotingRound, pauseTimer, resumeTimer, revealVotes, setLocked, startTimer, stopTimer } from '../../commands'
import { ANNOTATION_KINDS, timerRemaining, type AnnotationKind } from '../../model'
import { useT } from '../../i18n/useT'
import { relayNow } from '../../session'
import { selectWorkshop, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { useRelayNow } from './useRelayNow'

/** The writing round's controls load with the round's panel (initial JavaScript stays within budget). */
const WritingControls = lazy(() => import('./WritingRound').then((m) => ({ default: m.WritingControls })))

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
  const [seatsOnly, setSeatsOnly] = useState(false)
  const [viewersVote, setViewersVote] = useState(false)
  const [spotlight, setSpotlight] = useState(false)
  const t = useT()
  const now = () => relayNow(offset)
  const { timer, voting, locked } = workshop
  // Once time is up there is nothing to pause: only more time or stopping the timer.
  const ticking = useRelayNow(timer.status === 'running', 500)
  const timeUp = timer.status === 'running' && timerRemaining(timer, ticking) <= 0

  const toggleSpotlight = () => {
    const next = !spotlight
    setSpotlight(next)
    session.setPresence('spotlight', next)
  }

  return (
    <div className="workshop-bar" role="toolbar" aria-label={t('workshop.controls')}>
      <div className="wb-group" role="group" aria-label={t('workshop.timer')}>
        {timer.status === 'stopped' ? (
          <>
            <label>
              <span className="wb-label">{t('workshop.timerMinutes')}</span>
              <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Math.max(1, Math.min(240, Number(e.target.value) || 1)))} aria-label={t('workshop.timerMinutes')} />
            </label>
            <button type="button" onClick={() => startTimer(doc, minutes * 60_000, now())}>
              {t('workshop.startTimer')}
            </button>
          </>
        ) : (
          <>
            {timer.status === 'running' ? (
              !timeUp && (
                <button type="button" onClick={() => pauseTimer(doc, now())}>
                  {t('workshop.pauseTimer')}
                </button>
              )
            ) : (
              <button type="button" onClick={() => resumeTimer(doc, now())}>
                {t('workshop.resumeTimer')}
              </button>
            )}
            <button type="button" onClick={() => extendTimer(doc, 60_000, now())}>
              {t('workshop.extendTimer')}
            </button>
            <button type="button" onClick={() => stopTimer(doc)}>
              {t('workshop.stopTimer')}
            </button>
          </>
        )}
      </div>
      <div className="wb-group" role="group" aria-label={t('workshop.dotVoting')}>
        {!voting ? (
          <>
            <label>
              <span className="wb-label">{t('workshop.voteOn')}</span>
              <select value={kind} onChange={(e) => setKind(e.target.value as AnnotationKind)} aria-label={t('workshop.voteOn')}>
                {ANNOTATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`annotationKind.${k}.other`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="wb-label">{t('workshop.votesPerParticipant')}</span>
              <input type="number" min={1} max={50} value={budget} onChange={(e) => setBudget(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} aria-label={t('workshop.votesPerParticipant')} />
            </label>
            <label className="wb-check">
              <input type="checkbox" checked={seatsOnly} onChange={(e) => setSeatsOnly(e.target.checked)} />
              {t('workshop.seatsOnly')}
            </label>
            <label className="wb-check">
              <input type="checkbox" checked={viewersVote} onChange={(e) => setViewersVote(e.target.checked)} />
              {t('workshop.viewersVote')}
            </label>
            <button type="button" onClick={() => openVotingRound(doc, { kind, budget, seatsOnly, viewersVote })}>
              {t('workshop.startVoting')}
            </button>
          </>
        ) : (
          <>
            {/* One flow: end the round (which reveals the results), then dismiss them. */}
            {voting.status === 'open' ? (
              <button type="button" className="primary" onClick={() => closeVotingRound(doc, { reveal: true })}>
                {t('workshop.endRound')}
              </button>
            ) : (
              <>
                {!voting.revealed && (
                  <button type="button" onClick={() => revealVotes(doc, true)}>
                    {t('workshop.revealResults')}
                  </button>
                )}
                <button type="button" onClick={() => endVoting(doc)}>
                  {t('workshop.dismissResults')}
                </button>
              </>
            )}
          </>
        )}
      </div>
      <Suspense fallback={null}>
        <WritingControls minutes={minutes} />
      </Suspense>
      <div className="wb-group">
        <button type="button" aria-pressed={locked} onClick={() => setLocked(doc, !locked)}>
          {locked ? t('workshop.unlock') : t('workshop.lock')}
        </button>
        <button type="button" aria-pressed={spotlight} onClick={toggleSpotlight}>
          {spotlight ? t('workshop.spotlightOff') : t('workshop.spotlightOn')}
        </button>
        <button type="button" onClick={() => present(0)}>
          {t('workshop.present')}
        </button>
        <button type="button" onClick={onOpenVersions}>
          {t('workshop.versions')}
        </button>
      </div>
    </div>
  )
}
