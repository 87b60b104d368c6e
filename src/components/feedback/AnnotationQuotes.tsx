/** The customers' words pinned to an annotation, under it in the inspector, each with its source and an unpin. */
import { useCallback } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { unpinQuote } from '../../commands'
import type { Quote } from '../../model'
import { useJourneyStore, type JourneyState } from '../../store'
import { formatCalendarDate } from '../../i18n/format'
import { useT } from '../../i18n/useT'
import { useMapSession } from '../../session/MapSessionContext'
import { KIND_LABEL } from '../../canvas/feedback/feedbackLabels'
import '../../canvas/feedback/cardFeedback.css'

const selectQuotesOf = (annotationId: string) => (s: JourneyState) => Object.values(s.snapshot.quotes).filter((q) => q.annotationId === annotationId)

export function AnnotationQuotes({ annotationId, readOnly }: { annotationId: string; readOnly: boolean }) {
  const quotes = useJourneyStore(useShallow(useCallback(selectQuotesOf(annotationId), [annotationId])))
  const sets = useJourneyStore((s) => s.snapshot.feedbackSets)
  const { doc } = useMapSession()
  const t = useT()
  if (quotes.length === 0) return null
  return (
    <ul className="annotation-quotes" aria-label={t('feedback.pinnedQuotes')}>
      {quotes.map((q: Quote) => (
        <li key={q.id}>
          <blockquote>
            “{q.text}”
            <span className="source">
              {' '}
              — {sets[q.setId]?.name ?? t('feedback.deletedSet')}
              {q.kind && ` · ${t(KIND_LABEL[q.kind])} ${q.score ?? ''}`}
              {q.date && ` · ${formatCalendarDate(q.date, t.locale)}`}
            </span>
          </blockquote>
          {!readOnly && (
            <button type="button" className="small-button" onClick={() => unpinQuote(doc, q.id)}>
              {t('feedback.unpin')}
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
