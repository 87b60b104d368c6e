/**
 * What customers keep saying, per stage or touchpoint: recurring words and two-word phrases,
 * each with the comments behind it one click away, and any comment pinned to an annotation of
 * that place as a quote. Viewers have no comments (personal data): they see the pinned quotes.
 */
import { useMemo, useState } from 'react'
import { pinQuote } from '../../commands'
import { recurringTerms } from '../../feedback/terms'
import type { StoredResponse } from '../../feedback/responses'
import { sortedStages, type Annotation, type AnnotationId, type FeedbackSet } from '../../model'
import { selectReadOnly, selectSnapshot, useJourneyStore, type JourneyState } from '../../store'
import type { FeedbackData } from '../../session/feedbackApi'
import { formatCalendarDate, formatNumber } from '../../i18n/format'
import { useT } from '../../i18n/useT'
import { useMapSession } from '../../session/MapSessionContext'
import { KIND_LABEL } from '../../canvas/feedback/feedbackLabels'
import { linksOf } from '../../store/measuredFeedback'

const COMMENTS_SHOWN = 25
const selectRole = (s: JourneyState) => s.role

export function RecurringTerms({ set, data }: { set: FeedbackSet; data: FeedbackData }) {
  const t = useT()
  const snapshot = useJourneyStore(selectSnapshot)
  const role = useJourneyStore(selectRole)
  const links = useMemo(() => linksOf(snapshot, set.id), [snapshot, set.id])

  /** Places with comments: each stage, then its touchpoints, with the responses that speak of them. */
  const places = useMemo(() => {
    const responses = data.responses ?? []
    const byTarget = new Map<string, StoredResponse[]>()
    for (const r of responses) {
      if (!r.comment) continue
      const id = links.get(r.target)
      if (!id) continue
      let list = byTarget.get(id)
      if (!list) byTarget.set(id, (list = []))
      list.push(r)
    }
    return sortedStages(snapshot).flatMap((stage) => {
      const tps = Object.values(snapshot.touchpoints).filter((tp) => tp.stageId === stage.id && byTarget.has(tp.id))
      const all = [...(byTarget.get(stage.id) ?? []), ...tps.flatMap((tp) => byTarget.get(tp.id)!)]
      if (all.length === 0) return []
      return [{ id: stage.id as string, label: stage.title, responses: all }, ...tps.map((tp) => ({ id: tp.id as string, label: `\u00a0\u00a0${tp.title}`, responses: byTarget.get(tp.id)! }))]
    })
  }, [data.responses, links, snapshot])

  const [placeId, setPlaceId] = useState('')
  const [term, setTerm] = useState<string | null>(null)
  const place = places.find((p) => p.id === placeId) ?? places[0]
  const terms = useMemo(() => (place ? recurringTerms(place.responses.map((r) => r.comment)) : []), [place])
  const chosen = terms.find((x) => x.term === term)
  const shown = place ? (chosen ? chosen.responses.map((i) => place.responses[i]) : place.responses) : []

  if (!data.responses) return <PinnedQuotes setId={set.id} note={t('feedback.viewerTerms')} />
  if (places.length === 0) return <p className="view-empty">{t('feedback.noComments')}</p>
  return (
    <div className="recurring-terms">
      <label className="field-inline">
        <span>{t('feedback.place')}</span>
        <select
          value={place?.id ?? ''}
          onChange={(e) => {
            setPlaceId(e.target.value)
            setTerm(null)
          }}
        >
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} ({formatNumber(p.responses.length, t.locale)})
            </option>
          ))}
        </select>
      </label>
      {terms.length === 0 ? (
        <p className="muted">{t('feedback.noTerms')}</p>
      ) : (
        <ul className="term-list" aria-label={t('feedback.terms')}>
          {terms.map((x) => (
            <li key={x.term}>
              <button type="button" className={`term${x.phrase ? ' phrase' : ''}`} aria-pressed={x.term === term} onClick={() => setTerm(x.term === term ? null : x.term)}>
                {x.term} <span className="count">{formatNumber(x.count, t.locale)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <h5>{chosen ? t('feedback.commentsWith', { term: chosen.term, count: formatNumber(chosen.count, t.locale) }) : t('feedback.allComments', { count: formatNumber(shown.length, t.locale) })}</h5>
      <ul className="comment-list" data-testid="feedback-comments">
        {shown.slice(0, COMMENTS_SHOWN).map((r) => (
          <FeedbackComment key={r.n} response={r} set={set} placeId={place!.id} canPin={role !== 'viewer'} />
        ))}
      </ul>
      {shown.length > COMMENTS_SHOWN && <p className="muted small">{t('feedback.moreComments', { count: formatNumber(shown.length - COMMENTS_SHOWN, t.locale) })}</p>}
      <PinnedQuotes setId={set.id} />
    </div>
  )
}

/** The annotations a quote about this place can support: the place's own, and for a stage its touchpoints'. */
function annotationsAt(snapshot: ReturnType<typeof selectSnapshot>, placeId: string): Annotation[] {
  const targets = new Set<string>([placeId])
  if (placeId.startsWith('stage:')) for (const tp of Object.values(snapshot.touchpoints)) if (tp.stageId === placeId) targets.add(tp.id)
  return Object.values(snapshot.annotations).filter((a) => targets.has(a.targetId))
}

function FeedbackComment({ response, set, placeId, canPin }: { response: StoredResponse; set: FeedbackSet; placeId: string; canPin: boolean }) {
  const t = useT()
  const { doc } = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const readOnly = useJourneyStore(selectReadOnly)
  const annotations = useMemo(() => annotationsAt(snapshot, placeId), [snapshot, placeId])
  const [target, setTarget] = useState('')
  const pinned = Object.values(snapshot.quotes).some((q) => q.setId === set.id && q.response === response.n)
  return (
    <li className="feedback-comment">
      <blockquote>{response.comment}</blockquote>
      <p className="small muted">
        {t(KIND_LABEL[response.kind])} {response.score}
        {response.date && ` · ${formatCalendarDate(response.date, t.locale)}`}
        {response.channel && ` · ${response.channel}`} · #{response.n}
      </p>
      {canPin && !readOnly && annotations.length > 0 && !pinned && (
        <div className="pin-row">
          <select value={target} aria-label={t('feedback.pinTo')} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('feedback.pinTo')}</option>
            {annotations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.text.slice(0, 80) || t('common.untitled')}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!target}
            onClick={() => {
              pinQuote(doc, { annotationId: target as AnnotationId, setId: set.id, response: response.n, text: response.comment, kind: response.kind, score: response.score, date: response.date, channel: response.channel })
              setTarget('')
            }}
          >
            {t('feedback.pin')}
          </button>
        </div>
      )}
      {pinned && <p className="small pinned-mark">📌 {t('feedback.pinned')}</p>}
    </li>
  )
}

/** The quotes pinned from this data set, with the annotation each supports. */
function PinnedQuotes({ setId, note }: { setId: string; note?: string }) {
  const t = useT()
  const snapshot = useJourneyStore(selectSnapshot)
  const quotes = Object.values(snapshot.quotes).filter((q) => q.setId === setId && snapshot.annotations[q.annotationId])
  return (
    <div className="pinned-quotes">
      {note && <p className="muted">{note}</p>}
      <h5>{t('feedback.pinnedQuotes')}</h5>
      {quotes.length === 0 ? (
        <p className="view-empty">{t('feedback.noQuotes')}</p>
      ) : (
        <ul>
          {quotes.map((q) => (
            <li key={q.id}>
              <blockquote>“{q.text}”</blockquote>
              <p className="small muted">→ {snapshot.annotations[q.annotationId].text}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
