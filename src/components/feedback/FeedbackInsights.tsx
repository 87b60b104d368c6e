/**
 * Insights, customer feedback: the data sets of the map, what they measure per stage and
 * touchpoint (with n, interval and a warning where n is small), the team's assumed emotion curve
 * against the customers' measured one, before against after, and what customers keep saying.
 */
import { useEffect, useMemo, useState } from 'react'
import { linkFeedbackValue, removeFeedbackSet, type FeedbackTargetId } from '../../commands'
import { formatInterval, formatValue } from '../../feedback/format'
import { estimates, responseCount, type KindEstimates, type KindHistograms } from '../../feedback/measured'
import { FEEDBACK_KINDS, type FeedbackKind } from '../../feedback/responses'
import { sortedPersonas, sortedStages, type FeedbackSet } from '../../model'
import { targetOptions } from '../../feedback/targets'
import type { FeedbackData } from '../../session/feedbackApi'
import { selectReadOnly, selectSnapshot, useJourneyStore, type JourneyState } from '../../store'
import { deleteFeedbackSetOnServer, listFeedbackSets, type FeedbackSetInfo } from '../../session/feedbackApi'
import { downloadBlob } from '../../io/download'
import { fileBaseName } from '../../io/fileName'
import { measuredCsv } from '../../io/measuredCsv'
import { loadPrintLabels } from '../../io/printLabels'
import { formatNumber } from '../../i18n/format'
import { useT } from '../../i18n/useT'
import { useMapSession } from '../../session/MapSessionContext'
import { AssumedVsMeasured } from './AssumedVsMeasured'
import { ImportFeedbackDialog } from './ImportFeedbackDialog'
import { TargetOptions } from './TargetOptions'
import { activeFeedbackSet, activePlacement, feedbackDataOf, linksOf } from '../../store/measuredFeedback'
import { PeriodComparison } from './PeriodComparison'
import { RecurringTerms } from './RecurringTerms'
import { dateSpan, KIND_LABEL, useNumberFormat } from '../../canvas/feedback/feedbackLabels'
import './feedback.css'
import { errorText } from '../../i18n/errorText'

const selectActive = (s: JourneyState) => activeFeedbackSet(s)
const selectPlacement = (s: JourneyState) => activePlacement(s)
const selectRole = (s: JourneyState) => s.role
const selectAccess = (s: JourneyState) => s.feedbackAccess
const selectFeedback = (s: JourneyState) => s.feedback

/** The default export, so Insights can load this section (with the sheet parser and stop-word lists) on demand. */
export default function FeedbackInsights() {
  const t = useT()
  const { doc } = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const active = useJourneyStore(selectActive)
  const placement = useJourneyStore(selectPlacement)
  const role = useJourneyStore(selectRole)
  const readOnly = useJourneyStore(selectReadOnly)
  const access = useJourneyStore(selectAccess)
  const feedback = useJourneyStore(selectFeedback)
  const [importing, setImporting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const sets = useMemo(() => Object.values(snapshot.feedbackSets).sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [snapshot.feedbackSets])
  const data = active ? feedbackDataOf({ feedback }, active.id) : null
  const load = active ? feedback[active.id] : undefined
  const canWrite = !readOnly && role !== 'viewer' && !!access

  const remove = async () => {
    if (!active || !access || !confirm(t('feedback.deleteConfirm', { name: active.name }))) return
    try {
      await deleteFeedbackSetOnServer(access.mapId, access.token, active.id)
      removeFeedbackSet(doc, active.id)
      useJourneyStore.getState().setActiveFeedbackSet(null)
    } catch (e) {
      setError(errorText(t, e))
    }
  }

  return (
    <div className="feedback-insights">
      <div className="feedback-toolbar">
        {canWrite && (
          <button type="button" className="primary" onClick={() => setImporting(true)}>
            {t('feedback.importButton')}
          </button>
        )}
        {sets.length > 0 && (
          <label className="field-inline">
            <span>{t('feedback.dataSet')}</span>
            <select value={active?.id ?? ''} onChange={(e) => useJourneyStore.getState().setActiveFeedbackSet(e.target.value)}>
              {sets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {active && placement && (
          <button
            type="button"
            onClick={async () => {
              // The CSV's column names come from the map's language: load its catalog first.
              await loadPrintLabels(snapshot.meta.locale)
              downloadBlob(new Blob([measuredCsv(snapshot, active, placement)], { type: 'text/csv;charset=utf-8' }), `${fileBaseName(snapshot.meta.title)}-${fileBaseName(active.name)}.csv`)
            }}
          >
            {t('feedback.downloadCsv')}
          </button>
        )}
        {active && canWrite && (
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('feedback.deleteSet')}
          </button>
        )}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {!access && <p className="view-empty">{t('feedback.needsServer')}</p>}
      {access && sets.length === 0 && <p className="view-empty">{t('feedback.none')}</p>}
      {active && (
        <p className="feedback-set-line" data-testid="feedback-set-line">
          <span className="measured-mark">{t('feedback.measured')}</span> {active.name} · {t.plural('feedback.responsesCount', active.responses ?? 0)}
          {active.from && ` · ${dateSpan(active, t.locale)}`}
          {role === 'viewer' && <span className="muted"> · {t('feedback.viewerNote')}</span>}
          {placement && placement.unplaced > 0 && <span className="muted"> · {t.plural('feedback.unplaced', placement.unplaced)}</span>}
        </p>
      )}
      {load?.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {load?.status === 'error' && <p role="alert" className="error">{load.code === 'not-found' ? t('feedback.missing') : t('feedback.loadFailed', { message: errorText(t, load.code) })}</p>}
      {active && data && placement && (
        <>
          {canWrite && <ValueLinks set={active} data={data} />}
          <h4 id="feedback-measured">{t('feedback.byStage')}</h4>
          <p className="hint">{t('feedback.byStageHint')}</p>
          <MeasuredTable placement={placement} />
          <h4 id="feedback-curves">{t('feedback.curves')}</h4>
          <p className="hint">{t('feedback.curvesHint')}</p>
          <AssumedVsMeasured placement={placement} />
          <h4 id="feedback-periods">{t('feedback.periods')}</h4>
          <p className="hint">{t('feedback.periodsHint')}</p>
          <PeriodComparison set={active} data={data} />
          <h4 id="feedback-terms">{t('feedback.terms')}</h4>
          <p className="hint">{t('feedback.termsHint')}</p>
          <RecurringTerms set={active} data={data} />
        </>
      )}
      {canWrite && access && <StoredElsewhere sets={sets} access={access} />}
      {importing && (
        <ImportFeedbackDialog
          onClose={() => setImporting(false)}
          onImported={(id) => {
            setImporting(false)
            useJourneyStore.getState().setActiveFeedbackSet(id)
          }}
        />
      )}
    </div>
  )
}

/** One figure with its interval, n and, where n is small, a warning. */
export function MeasuredFigure({ kind, estimate }: { kind: FeedbackKind; estimate: KindEstimates[FeedbackKind] }) {
  const t = useT()
  const num = useNumberFormat()
  if (!estimate) return <span className="muted">–</span>
  return (
    <span className={`measured-figure${estimate.small ? ' small-n' : ''}`}>
      <strong>{formatValue(kind, estimate.value, num)}</strong> <span className="muted">{formatInterval(estimate, num)}</span>{' '}
      <span className="n">n = {formatNumber(estimate.n, t.locale)}</span>
      {estimate.small && (
        <span className="small-n-warning" title={t('feedback.smallNHint')}>
          {' '}
          ⚠ {t('feedback.smallN')}
        </span>
      )}
    </span>
  )
}

function MeasuredTable({ placement }: { placement: { stages: Map<string, KindHistograms>; touchpoints: Map<string, KindHistograms> } }) {
  const t = useT()
  const snapshot = useJourneyStore(selectSnapshot)
  const personas = useMemo(() => new Map(sortedPersonas(snapshot).map((p) => [p.id as string, p.name])), [snapshot])
  const rows = sortedStages(snapshot).flatMap((stage) => {
    const h = placement.stages.get(stage.id)
    if (!h || responseCount(h) === 0) return []
    const tps = Object.values(snapshot.touchpoints).filter((tp) => tp.stageId === stage.id && placement.touchpoints.has(tp.id))
    return [
      { id: stage.id, label: stage.title, isStage: true, e: estimates(h) },
      ...tps.map((tp) => ({ id: tp.id, label: `${tp.title} · ${personas.get(tp.personaId) ?? ''}`, isStage: false, e: estimates(placement.touchpoints.get(tp.id)!) })),
    ]
  })
  if (rows.length === 0) return <p className="view-empty">{t('feedback.nothingPlaced')}</p>
  return (
    <div className="table-scroll">
      <table className="score-table measured-table">
        <thead>
          <tr>
            <th scope="col">{t('feedback.stageOrTouchpoint')}</th>
            {FEEDBACK_KINDS.map((k) => (
              <th key={k} scope="col">
                {t(KIND_LABEL[k])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.isStage ? 'stage-row' : 'touchpoint-row'} data-target={r.id}>
              <th scope="row">{r.label}</th>
              {FEEDBACK_KINDS.map((k) => (
                <td key={k}>
                  <MeasuredFigure kind={k} estimate={r.e[k]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * Data sets the server keeps for this map that the map no longer names (an undone import, a
 * reference deleted by hand): personal data with no place on the map, listed so they can be
 * deleted for good.
 */
function StoredElsewhere({ sets, access }: { sets: { id: string }[]; access: { mapId: string; token: string } }) {
  const t = useT()
  const [stored, setStored] = useState<FeedbackSetInfo[]>([])
  const key = sets.map((s) => s.id).join(' ')
  useEffect(() => {
    let live = true
    listFeedbackSets(access.mapId, access.token)
      .then((all) => live && setStored(all))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [access, key])
  const named = new Set(sets.map((s) => s.id))
  const orphans = stored.filter((s) => !named.has(s.id))
  if (orphans.length === 0) return null
  return (
    <div className="feedback-orphans" data-testid="feedback-orphans">
      <p className="small">{t('feedback.orphans')}</p>
      <ul>
        {orphans.map((s) => (
          <li key={s.id}>
            {s.name} · {t.plural('feedback.responsesCount', s.responses)}{' '}
            <button
              type="button"
              className="small-button danger"
              onClick={async () => {
                if (!confirm(t('feedback.deleteConfirm', { name: s.name }))) return
                await deleteFeedbackSetOnServer(access.mapId, access.token, s.id)
                setStored(stored.filter((x) => x.id !== s.id))
              }}
            >
              {t('feedback.deleteSet')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Change, after the import, which stage or touchpoint a sheet value means: every figure follows. */
function ValueLinks({ set, data }: { set: FeedbackSet; data: FeedbackData }) {
  const t = useT()
  const { doc } = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const options = useMemo(() => targetOptions(snapshot), [snapshot])
  const links = useMemo(() => linksOf(snapshot, set.id), [snapshot, set.id])
  const counts = useMemo(() => {
    const out = new Map<string, number>()
    for (const a of data.aggregates) out.set(a.target, (out.get(a.target) ?? 0) + a.counts.reduce((x, y) => x + y, 0))
    return [...out].sort((a, b) => b[1] - a[1])
  }, [data.aggregates])
  return (
    <details className="feedback-value-links">
      <summary>{t.plural('feedback.relink', counts.length)}</summary>
      <table>
        <tbody>
          {counts.map(([value, n]) => (
            <tr key={value}>
              <th scope="row">
                {value} <span className="muted small">({formatNumber(n, t.locale)})</span>
              </th>
              <td>
                <select
                  value={links.get(value) ?? ''}
                  aria-label={t('feedback.linkValue', { value })}
                  onChange={(e) => linkFeedbackValue(doc, set.id as FeedbackSet['id'], value, (e.target.value || null) as FeedbackTargetId | null)}
                >
                  <TargetOptions options={options} />
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
