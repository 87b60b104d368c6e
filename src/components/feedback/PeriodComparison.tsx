/**
 * Before and after: two periods of one data set (say, before and after a change went live), or
 * this data set against another (the as-is map's survey against the to-be's), per stage and
 * metric, with the change's interval and whether it is more than noise.
 */
import { useMemo, useState } from 'react'
import { formatChange } from '../../feedback/format'
import { compare, type Change } from '../../feedback/metrics'
import { type Period } from '../../feedback/measured'
import { FEEDBACK_KINDS } from '../../feedback/responses'
import { sortedStages, type FeedbackSet } from '../../model'
import { selectSnapshot, useJourneyStore, type JourneyState } from '../../store'
import type { FeedbackData } from '../../session/feedbackApi'
import { useT } from '../../i18n/useT'
import { KIND_LABEL, useNumberFormat } from '../../canvas/feedback/feedbackLabels'
import { feedbackDataOf, placementFor } from '../../store/measuredFeedback'

/** The day halfway between two days: the default split of a data set's range. */
function midpoint(from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`)
  const b = Date.parse(`${to}T00:00:00Z`)
  return new Date(a + Math.floor((b - a) / 2 / 86_400_000) * 86_400_000).toISOString().slice(0, 10)
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

const selectFeedback = (s: JourneyState) => s.feedback

export function PeriodComparison({ set, data }: { set: FeedbackSet; data: FeedbackData }) {
  const t = useT()
  const num = useNumberFormat()
  const snapshot = useJourneyStore(selectSnapshot)
  const feedback = useJourneyStore(selectFeedback)
  const split = set.from && set.to ? midpoint(set.from, set.to) : ''
  const [before, setBefore] = useState<Period>({ from: set.from, to: split })
  const [after, setAfter] = useState<Period>({ from: split ? dayAfter(split) : '', to: set.to })
  /** '' = the same data set, split by period; else another data set as "after". */
  const [otherSet, setOtherSet] = useState('')
  const others = Object.values(snapshot.feedbackSets).filter((s) => s.id !== set.id)
  const otherData = otherSet ? feedbackDataOf({ feedback }, otherSet) : null

  const rows = useMemo(() => {
    const b = placementFor(snapshot, set.id, data, otherSet ? undefined : before)
    const a = otherSet ? (otherData ? placementFor(snapshot, otherSet, otherData) : null) : placementFor(snapshot, set.id, data, after)
    if (!a) return []
    return sortedStages(snapshot).flatMap((stage) => {
      const hb = b.stages.get(stage.id)
      const ha = a.stages.get(stage.id)
      if (!hb || !ha) return []
      const changes = FEEDBACK_KINDS.map((k) => compare(k, hb[k], ha[k]))
      return changes.some(Boolean) ? [{ stage, changes }] : []
    })
  }, [snapshot, set.id, data, before, after, otherSet, otherData])

  const dateInput = (label: string, value: string, onChange: (v: string) => void) => (
    <label className="field-inline">
      <span>{label}</span>
      <input type="date" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  )

  return (
    <div className="period-comparison">
      {others.length > 0 && (
        <label className="field-inline">
          <span>{t('feedback.compareWith')}</span>
          <select value={otherSet} onChange={(e) => setOtherSet(e.target.value)}>
            <option value="">{t('feedback.samePeriods')}</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {!otherSet && (
        <div className="period-inputs">
          <fieldset>
            <legend>{t('feedback.before')}</legend>
            {dateInput(t('feedback.from'), before.from, (from) => setBefore({ ...before, from }))}
            {dateInput(t('feedback.to'), before.to, (to) => setBefore({ ...before, to }))}
          </fieldset>
          <fieldset>
            <legend>{t('feedback.after')}</legend>
            {dateInput(t('feedback.from'), after.from, (from) => setAfter({ ...after, from }))}
            {dateInput(t('feedback.to'), after.to, (to) => setAfter({ ...after, to }))}
          </fieldset>
        </div>
      )}
      {rows.length === 0 ? (
        <p className="view-empty">{t('feedback.noComparison')}</p>
      ) : (
        <div className="table-scroll">
          <table className="score-table change-table">
            <thead>
              <tr>
                <th scope="col">{t('common.stage')}</th>
                {FEEDBACK_KINDS.map((k) => (
                  <th key={k} scope="col">
                    {t(KIND_LABEL[k])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ stage, changes }) => (
                <tr key={stage.id}>
                  <th scope="row">{stage.title}</th>
                  {changes.map((c, i) => (
                    <td key={FEEDBACK_KINDS[i]} className={c ? (c.significant ? (c.difference > 0 ? 'better' : 'worse') : 'noise') : undefined}>
                      {c ? <ChangeCell change={c} num={num} /> : <span className="muted">–</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function ChangeCell({ change, num }: { change: Change; num: ReturnType<typeof useNumberFormat> }) {
  const t = useT()
  return (
    <>
      <strong>{formatChange(change, num, t('feedback.pointsUnit'))}</strong>
      <span className="small muted"> n = {num(change.before.n, 0)} → {num(change.after.n, 0)}</span>
      <span className="score-verdict">{change.significant ? t('feedback.significant') : t('feedback.noise')}</span>
    </>
  )
}
