import { memo } from 'react'
import { castVote } from '../../commands'
import type { AnnotationId } from '../../model'
import { useT } from '../../i18n/useT'
import { useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { selectCanVote, selectVotesSpent } from '../../store/votingAccess'
import type { Votable } from '../toFlow'

/** Items a card shows with their vote controls; the rest are counted and listed in the voting panel. */
const SHOWN = 2
/** Dots drawn before the count takes over, so a popular item does not overflow its card. */
const MAX_DOTS = 6

const selectBudget = (s: { workshop: { voting: { budget: number } | null } }) => s.workshop.voting?.budget ?? 0
const selectMe = (s: { self: { id: string } }) => s.self.id
const selectMyColor = (s: { self: { color: string } }) => s.self.color

/**
 * During a voting round, a card's items of the round's kind, each with this participant's dots
 * and − / + (when they may vote), and the votes that count once the facilitator reveals them:
 * the room votes where the journey is, not in a list beside it.
 */
export const CardVotes = memo(function CardVotes({ items }: { items: readonly Votable[] }) {
  const { doc } = useMapSession()
  const canVote = useJourneyStore(selectCanVote)
  const spent = useJourneyStore(selectVotesSpent)
  const budget = useJourneyStore(selectBudget)
  const me = useJourneyStore(selectMe)
  const color = useJourneyStore(selectMyColor)
  const t = useT()
  const left = budget - spent
  return (
    <ul className="tp-votes nodrag" aria-label={t('cardVotes.label')} data-testid="card-votes">
      {items.slice(0, SHOWN).map((item) => {
        const mine = item.votes[me] ?? 0
        const dots = item.total ?? mine
        return (
          <li key={item.id} className="tp-vote">
            <span className="tp-vote-text" title={item.text}>
              {item.text}
            </span>
            <span
              className={`tp-vote-dots${item.total !== null ? ' is-total' : ''}`}
              role="img"
              aria-label={item.total !== null ? t.plural('voting.votes', item.total) : t.plural('cardVotes.mine', mine)}
              style={item.total === null ? { color } : undefined}
            >
              {'●'.repeat(Math.min(dots, MAX_DOTS))}
              {dots > MAX_DOTS && <span className="tp-vote-more-dots">+{dots - MAX_DOTS}</span>}
              {item.total !== null && <strong className="tp-vote-total">{item.total}</strong>}
            </span>
            {canVote && (
              <span className="tp-vote-buttons">
                <button type="button" className="nodrag" disabled={mine === 0} onClick={() => castVote(doc, item.id as AnnotationId, me, -1)} aria-label={t('voting.remove', { text: item.text })}>
                  −
                </button>
                <button type="button" className="nodrag" disabled={left <= 0} onClick={() => castVote(doc, item.id as AnnotationId, me, 1)} aria-label={t('voting.add', { text: item.text })}>
                  +
                </button>
              </span>
            )}
          </li>
        )
      })}
      {items.length > SHOWN && <li className="tp-vote-overflow">{t.plural('cardVotes.more', items.length - SHOWN)}</li>}
    </ul>
  )
})
