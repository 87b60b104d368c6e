/**
 * Customer feedback on a touchpoint card: the measured figure (marked measured, with its n; the
 * data set and date range in its tooltip) and the quotes pinned to the card's annotations.
 * Selectors return strings, so a card re-renders only when its own figure or quotes change.
 */
import { useCallback } from 'react'
import { formatInterval, formatValue } from '../../feedback/format'
import { estimates } from '../../feedback/measured'
import { FEEDBACK_KINDS } from '../../feedback/responses'
import { useJourneyStore, type JourneyState } from '../../store'
import { formatNumber } from '../../i18n/format'
import { useT } from '../../i18n/useT'
import { activeFeedbackSet, activePlacement } from '../../store/measuredFeedback'
import './cardFeedback.css'
import { dateSpan, fixedNumber, KIND_LABEL } from './feedbackLabels'

/** `kind|value|n|set name|from|to` of the first metric measured at the touchpoint, or ''. */
const selectMeasured = (id: string) => (s: JourneyState) => {
  const h = activePlacement(s)?.touchpoints.get(id)
  if (!h) return ''
  const e = estimates(h)
  const kind = FEEDBACK_KINDS.find((k) => e[k])
  const set = activeFeedbackSet(s)
  return kind && set ? [kind, e[kind]!.value, e[kind]!.n, set.name, set.from, set.to].join('\u0000') : ''
}

/** `count\u0000first quote` of the quotes pinned to this touchpoint's annotations, or ''. */
const selectQuotes = (id: string) => (s: JourneyState) => {
  const { quotes, annotations } = s.snapshot
  let count = 0
  let first = ''
  for (const q of Object.values(quotes)) {
    if (annotations[q.annotationId]?.targetId !== id) continue
    count++
    if (!first) first = q.text
  }
  return count ? `${count}\u0000${first}` : ''
}

export function MeasuredBadge({ touchpointId }: { touchpointId: string }) {
  const t = useT()
  const measured = useJourneyStore(useCallback(selectMeasured(touchpointId), [touchpointId]))
  if (!measured) return null
  const [kind, value, n, name, from, to] = measured.split('\u0000')
  const k = kind as (typeof FEEDBACK_KINDS)[number]
  const figure = formatValue(k, Number(value), (v, d) => fixedNumber(v, t.locale, d))
  const span = dateSpan({ from, to }, t.locale)
  return (
    <li className="badge measured" data-testid="measured-badge" title={t('feedback.cardMeasured', { name, dates: span || '–' })}>
      {t(KIND_LABEL[k])} {figure} · n = {formatNumber(Number(n), t.locale)}
      <span className="visually-hidden"> ({t('feedback.measured')})</span>
    </li>
  )
}

/** The compact tile's mark: the figure alone, so a zoomed-out map still shows where customers were measured. */
export function MeasuredMark({ touchpointId }: { touchpointId: string }) {
  const t = useT()
  const measured = useJourneyStore(useCallback(selectMeasured(touchpointId), [touchpointId]))
  if (!measured) return null
  const [kind, value, n] = measured.split('\u0000')
  const k = kind as (typeof FEEDBACK_KINDS)[number]
  const figure = formatValue(k, Number(value), (v, d) => fixedNumber(v, t.locale, d))
  return (
    <span className="tp-mark measured" data-testid="measured-mark" title={`${t('feedback.measured')}: ${t(KIND_LABEL[k])} ${figure} · n = ${n}`}>
      {t(KIND_LABEL[k])} {figure}
    </span>
  )
}

export function QuoteBadge({ touchpointId }: { touchpointId: string }) {
  const t = useT()
  const quotes = useJourneyStore(useCallback(selectQuotes(touchpointId), [touchpointId]))
  if (!quotes) return null
  const [count, first] = quotes.split('\u0000')
  return (
    <li className="badge quote" data-testid="quote-badge" title={t('feedback.quoted', { text: first })}>
      ❝ {count}
      <span className="visually-hidden">
        {' '}
        {t.plural('feedback.cardQuotes', Number(count))}: {t('feedback.quoted', { text: first })}
      </span>
    </li>
  )
}

/** `kind|value|low|high|n|small` per measured metric, joined; '' when nothing was measured here. */
const selectMeasuredAll = (id: string) => (s: JourneyState) => {
  const h = activePlacement(s)?.touchpoints.get(id)
  if (!h) return ''
  const e = estimates(h)
  const set = activeFeedbackSet(s)
  const parts = FEEDBACK_KINDS.flatMap((k) => (e[k] ? [[k, e[k]!.value, e[k]!.low ?? '', e[k]!.high ?? '', e[k]!.n, e[k]!.small ? 1 : 0].join('\u0001')] : []))
  return parts.length && set ? [set.name, set.from, set.to, ...parts].join('\u0000') : ''
}

/**
 * In the inspector's metrics: what was measured at this touchpoint, with interval and n; these
 * figures are the ones the scorecard and the exports use, in place of the typed ones below. The
 * metrics table's caption, so it reads as the table's heading and needs no wrapper around it.
 */
export function MeasuredMetricsNote({ touchpointId }: { touchpointId: string }) {
  const t = useT()
  const measured = useJourneyStore(useCallback(selectMeasuredAll(touchpointId), [touchpointId]))
  if (!measured) return null
  const [name, from, to, ...parts] = measured.split('\u0000')
  const num = (v: number, d: number) => fixedNumber(v, t.locale, d)
  return (
    <caption className="measured-note" data-testid="measured-note">
      <p className="small">
        <span className="measured-mark">{t('feedback.measured')}</span> {name}
        {from && ` · ${dateSpan({ from, to }, t.locale)}`}
      </p>
      <ul>
        {parts.map((part) => {
          const [kind, value, low, high, n, small] = part.split('\u0001')
          const k = kind as (typeof FEEDBACK_KINDS)[number]
          return (
            <li key={k}>
              <strong>
                {t(KIND_LABEL[k])} {formatValue(k, Number(value), num)}
              </strong>{' '}
              {low !== '' && <span className="muted">{formatInterval({ kind: k, low: Number(low), high: Number(high) }, num)}</span>} n = {formatNumber(Number(n), t.locale)}
              {small === '1' && <span className="small-n-warning"> ⚠ {t('feedback.smallN')}</span>}
            </li>
          )
        })}
      </ul>
      <p className="small muted">{t('feedback.typedBelow')}</p>
    </caption>
  )
}
