/**
 * The inspector's Metrics section: NPS, CES and CSAT measured at a touchpoint, each with a target.
 * Each figure commits on blur or Enter (one command, one undo step); an empty box clears it.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { setTouchpointMetrics, type TouchpointMetrics as Metrics } from '../commands'
import { METRIC_RANGES, METRICS, type MetricName, type Touchpoint } from '../model'
import { selectReadOnly, useJourneyStore } from '../store'
import { useT } from '../i18n/useT'
import type { MessageKey } from '../i18n/translate'
import { useMapSession } from './MapSessionContext'
import './TouchpointMetrics.css'

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
  const [draft, setDraft] = useState(value === null ? '' : String(value))
  const [error, setError] = useState(false)
  const focused = useRef(false)
  useEffect(() => {
    if (!focused.current) setDraft(value === null ? '' : String(value))
  }, [value])
  const { min, max } = METRIC_RANGES[metric]
  const commit = () => {
    const text = draft.trim().replace(',', '.').replace('−', '-')
    const next = text === '' ? null : Number(text)
    if (next !== null && (!Number.isFinite(next) || next < min || next > max)) {
      setError(true)
      return
    }
    setError(false)
    if (next !== value) setTouchpointMetrics(doc, tp.id, { [field]: next })
  }
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="metric-input"
        value={draft}
        disabled={disabled}
        aria-invalid={error || undefined}
        title={error ? t('metrics.expected', { min, max }) : undefined}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false
          commit()
        }}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur()
          if (e.key === 'Escape') (setDraft(value === null ? '' : String(value)), setError(false))
        }}
      />
    </>
  )
}
