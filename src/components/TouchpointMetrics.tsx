/**
 * The inspector's Metrics section: NPS, CES and CSAT measured at a touchpoint, each with a target.
 * Each figure commits on blur or Enter (one command, one undo step); an empty box clears it.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { setTouchpointMetrics, type TouchpointMetrics as Metrics } from '../commands'
import { METRIC_RANGES, METRICS, type MetricName, type Touchpoint } from '../model'
import { selectReadOnly, useJourneyStore } from '../store'
import { useMapSession } from './MapSessionContext'
import './TouchpointMetrics.css'

const LABEL: Record<MetricName, { name: string; scale: string; step: number }> = {
  nps: { name: 'NPS', scale: '−100..100', step: 1 },
  ces: { name: 'CES', scale: '1..7, 7 = easiest', step: 0.1 },
  csat: { name: 'CSAT', scale: '0..100 %', step: 0.1 },
}

export function TouchpointMetrics({ tp }: { tp: Touchpoint }) {
  const readOnly = useJourneyStore(selectReadOnly)
  return (
    <table className="metrics-table">
      <thead>
        <tr>
          <td />
          <th scope="col">Actual</th>
          <th scope="col">Target</th>
        </tr>
      </thead>
      <tbody>
        {METRICS.map((m) => (
          <tr key={m}>
            <th scope="row">
              {LABEL[m].name} <span className="small muted">{LABEL[m].scale}</span>
            </th>
            <td>
              <MetricInput tp={tp} field={m} metric={m} label={`${LABEL[m].name} actual`} disabled={readOnly} />
            </td>
            <td>
              <MetricInput tp={tp} field={`${m}Target`} metric={m} label={`${LABEL[m].name} target`} disabled={readOnly} />
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
        title={error ? `Expected ${min}..${max}` : undefined}
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
