import { useMemo } from 'react'
import { castVote } from '../../commands'
import { activeSeats, countVoters, tallyVotes, type Annotation, type AnnotationId } from '../../model'
import { useT } from '../../i18n/useT'
import { inJourneyOrder } from '../../model/journeyOrder'
import { useJourneyStore, type JourneyState } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { useJourneyStoreWith } from '../../store/useJourneyStoreWith'
import { selectCanVote, selectVotesSpent } from '../../store/votingAccess'

/** One item of the round as the panel shows it: the annotation and the title of what it sits on. */
interface Candidate {
  annotation: Annotation
  where: string
}
const NO_CANDIDATES: Candidate[] = []

/**
 * The round's items in journey order, each with where it sits. Edits elsewhere in the map leave
 * the annotations and titles as they were, so `sameCandidates` keeps the panel from re-rendering
 * (and re-tallying) on every keystroke of every participant.
 */
function selectCandidates(s: JourneyState): Candidate[] {
  const voting = s.workshop.voting
  if (!voting) return NO_CANDIDATES
  const { snapshot } = s
  const where = (targetId: string) => snapshot.touchpoints[targetId]?.title ?? snapshot.stages[targetId]?.title ?? snapshot.personas[targetId]?.name ?? ''
  const items = Object.values(snapshot.annotations)
    .filter((annotation) => annotation.kind === voting.kind)
    .map((annotation) => ({ annotation, where: where(annotation.targetId) }))
  return inJourneyOrder(snapshot, items)
}

const sameCandidates = (a: Candidate[], b: Candidate[]) => a.length === b.length && a.every((x, i) => x.annotation === b[i].annotation && x.where === b[i].where)

/**
 * The open voting round: each participant places up to the budget of dots; the tally stays hidden
 * until the facilitator reveals it, then the items are ranked by the votes that count (only those
 * of participants the relay knows; in a round for named seats, only the seats'). Until then the
 * list reads in journey order, like the cards that carry the same controls. The facilitator
 * sees how many participants have voted. A participant votes under the id the relay issued it, so
 * the buttons wait until it has one. On a phone, with a card tapped, it lists that card's items
 * only (`onlyTarget`): the participant votes on the card in hand, with buttons a finger can hit.
 */
export function VotingPanel({ onlyTarget }: { onlyTarget?: string } = {}) {
  const { doc } = useMapSession()
  const voting = useJourneyStore((s) => s.workshop.voting)
  const candidates = useJourneyStoreWith(selectCandidates, sameCandidates)
  const me = useJourneyStore((s) => s.self.id)
  const role = useJourneyStore((s) => s.role)
  const canVote = useJourneyStore(selectCanVote)
  const spent = useJourneyStore(selectVotesSpent)
  const roll = useJourneyStore((s) => s.roll)
  const t = useT()
  const round = useMemo(() => {
    const annotations: Record<string, Annotation> = {}
    for (const { annotation } of candidates) annotations[annotation.id] = annotation
    return { annotations }
  }, [candidates])
  const results = useMemo(() => {
    const all = voting ? tallyVotes(round, voting, roll) : []
    return onlyTarget ? all.filter((r) => r.annotation.targetId === onlyTarget) : all
  }, [round, voting, roll, onlyTarget])
  const voters = useMemo(() => (voting ? countVoters(round, voting, roll) : 0), [round, voting, roll])
  const journeyOrder = useMemo(() => new Map(candidates.map((c, i) => [c.annotation.id, i])), [candidates])
  if (!voting) return null
  const left = Math.max(0, voting.budget - spent)
  const kinds = t(`annotationKind.${voting.kind}.other`)
  const where = (id: AnnotationId) => candidates[journeyOrder.get(id) ?? -1]?.where ?? ''
  const listed = voting.revealed ? results : results.slice().sort((x, y) => (journeyOrder.get(x.annotation.id) ?? 0) - (journeyOrder.get(y.annotation.id) ?? 0))
  // In a round for named seats, only a seat's participant votes (a map kept in this browser has no seats).
  const seated = !voting.seatsOnly || (roll !== null && roll.get(me)?.seat != null)
  const mayVoteAtAll = role !== 'viewer' || voting.viewersVote
  return (
    <section className="voting-panel" aria-labelledby="voting-title">
      <h2 id="voting-title">
        {t('voting.title', { kinds })}
        {voting.status === 'closed' && <span className="muted small"> {t('voting.closed')}</span>}
      </h2>
      {canVote && <p className="small" data-testid="votes-left">{left === 0 ? t('voting.allPlaced') : t.plural('voting.left', voting.budget, { left })}</p>}
      {voting.status === 'open' && mayVoteAtAll && !seated && <p className="small muted">{t('voting.seatsOnly')}</p>}
      {role === 'facilitator' && (
        <p className="small" data-testid="voters">
          {voting.seatsOnly ? t('voting.seatVoters', { count: voters, seats: activeSeats(roll) }) : t.plural('voting.voters', voters)}
        </p>
      )}
      {voting.viewersVote && <p className="small muted">{t('voting.viewersVote')}</p>}
      {voting.revealed ? <p className="small muted">{t('voting.revealed')}</p> : <p className="small muted">{t('voting.hidden')} {t('voting.journeyOrder')}</p>}
      <ol className="vote-list">
        {listed.map(({ annotation, votes }) => {
          const mine = annotation.votes[me] ?? 0
          return (
            <li key={annotation.id} data-testid="vote-item">
              <div className="vote-row">
              <div className="vote-text">
                <span>{annotation.text}</span>
                <span className="muted small">{where(annotation.id)}</span>
              </div>
              <div className="vote-actions">
                {voting.revealed && (
                  <span className="vote-count" aria-label={t.plural('voting.votes', votes)}>
                    {votes}
                  </span>
                )}
                {canVote && (
                  <>
                    <span className="my-dots" role="img" aria-label={t.plural('cardVotes.mine', mine)}>
                      {'●'.repeat(Math.min(mine, 10))}
                    </span>
                    <button type="button" disabled={mine === 0} onClick={() => castVote(doc, annotation.id, me, -1)} aria-label={t('voting.remove', { text: annotation.text })}>
                      −
                    </button>
                    <button type="button" disabled={left === 0} onClick={() => castVote(doc, annotation.id, me, 1)} aria-label={t('voting.add', { text: annotation.text })}>
                      +
                    </button>
                  </>
                )}
              </div>
              </div>
            </li>
          )
        })}
      </ol>
      {results.length === 0 && <p className="muted small">{t('voting.nothing', { kinds: kinds.toLocaleLowerCase(t.locale) })}</p>}
    </section>
  )
}
