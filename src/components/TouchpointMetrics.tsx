/**
 * The inspector's Metrics section: NPS, CES and CSAT measured at a touchpoint, each with a target.
 * Each figure commits on blur or Enter (one command, one undo step), and only when typed; an empty
 * box clears it.
 */
import { useId, useRef, useState } from 'react'
import { setTouchpointMetrics, type TouchpointMetrics as Metrics } from '../commands'
import { METRIC_RANGES, METRICS, type MetricName, type Touchpoint } from '../model'
import { selectReadOnly, useJourneyStore } from '../store'
import { useT } from '../i18n/useT'
import type { MessageKey } from '../i18n/translate'
import { useMapSession } from '../session/MapSessionContext'
import { useSharedDraft } from '../fields/useSharedDraft'
import { PeerEditingMark, TheirChange } from '../fields/fields'
import './TouchpointMetrics.css'
import { MeasuredMetricsNote } from '../canvas/feedback/CardFeedbackBadges'

const LABEL: Record<MetricName, { name: MessageKey; scale: MessageKey }> = {
  nps: { name: 'metrics.nps', scale: 'metrics.npsScale' },
  ces: { name: 'metrics.ces', scale: 'metrics.cesScale' },
  csat: { name: 'metrics.csat', scale: 'metrics.csatScale' },
}

export function TouchpointMetrics({ tp }: { tp: Touchpoint }) {
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  return (
    <table className="metrics-table">
      <MeasuredMetricsNote touchpointId={tp.id} />
      <thead>
        <tr>
          <td />
          <th scope="col">{t('metrics.actual')}</th>
          <th scope="col">{t('metrics.target')}</th>
        </tr>
      </thead>
      <tbody>
        {METRICS.map((m) => (
          <tr key={m}>
            <th scope="row">
              {t(LABEL[m].name)} <span className="small muted">{t(LABEL[m].scale)}</span>
            </th>
            <td>
              <MetricInput tp={tp} field={m} metric={m} label={t('metrics.actualOf', { metric: t(LABEL[m].name) })} disabled={readOnly} />
            </td>
            <td>
              <MetricInput tp={tp} field={`${m}Target`} metric={m} label={t('metrics.targetOf', { metric: t(LABEL[m].name) })} disabled={readOnly} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function MetricInput({ tp, field, metric, label, disabled }: { tp: Touchpoint; field: keyof Metrics; metric: MetricName; label: string; disabled: boolean }) {
  const { doc } = useMapSession()
  const id = useId()
  const t = useT()
  const value = tp[field]
  const text = value === null ? '' : String(value)
  const [error, setError] = useState(false)
  const offerRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const { min, max } = METRIC_RANGES[metric]
  const draft = useSharedDraft(text, {
    editKey: { id: tp.id, field },
    disabled,
    offerRef,
    onCommit(typed) {
      const clean = typed.trim().replace(',', '.').replace('−', '-')
      const next = clean === '' ? null : Number(clean)
      if (next !== null && (!Number.isFinite(next) || next < min || next > max)) {
        setError(true)
        return false
      }
      setError(false)
      if (next !== value) setTouchpointMetrics(doc, tp.id, { [field]: next })
    },
  })
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        inputMode="decimal"
        className="metric-input"
        value={draft.draft}
        disabled={disabled}
        aria-invalid={error || undefined}
        title={error ? t('metrics.expected', { min, max }) : undefined}
        onFocus={draft.onFocus}
        onBlur={draft.onBlur}
        onChange={draft.onChange}
        onKeyDown={(e) => {
          draft.onKeyDown(e, { enterCommits: true })
          if (e.key === 'Escape') setError(false)
        }}
      />
      {draft.peer && <PeerEditingMark peer={draft.peer} />}
      {draft.theirs !== null && (
        <TheirChange
          ref={offerRef}
          theirs={draft.theirs}
          by={draft.theirsBy}
          onTake={() => {
            draft.takeTheirs()
            setError(false)
            inputRef.current?.focus()
          }}
        />
      )}
    </>
  )
}
