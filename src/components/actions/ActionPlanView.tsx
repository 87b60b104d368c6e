/**
 * The action plan (seed 002's "handlingsplan"): SMART actions owned by departments, linked to the
 * pain points and needs they fix, on a board grouped by department or by status, and exported as
 * CSV for the steering group's spreadsheet.
 */
import { useMemo, useState } from 'react'
import { addAction, addActionsFor } from '../../commands'
import { actionBoard, unaddressed, type BoardGrouping } from '../../insights/actionBoard'
import { whereIs } from '../../insights/priorityMatrix'
import { downloadBlob } from '../../io/download'
import { fileBaseName } from '../../io/fileName'
import { actionPlanCsv } from '../../io/actionPlanCsv'
import { loadPrintLabels } from '../../io/printLabels'
import { selectReadOnly, selectSnapshot, selectWorkshop, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { ActionCard } from './ActionCard'
import { translate, type Translator } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import type { ActionStatus } from '../../model'
import '../views.css'
import './actionPlan.css'

export function ActionPlanView() {
  const { doc } = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const readOnly = useJourneyStore(selectReadOnly)
  const [grouping, setGrouping] = useState<BoardGrouping>('department')
  const [editing, setEditing] = useState<string | null>(null)
  const columns = useMemo(() => actionBoard(snapshot, grouping), [snapshot, grouping])
  const voting = useJourneyStore(selectWorkshop).voting
  const open = useMemo(() => unaddressed(snapshot, voting), [snapshot, voting])
  const [top, setTop] = useState(3)
  const [created, setCreated] = useState<number | null>(null)
  const topN = Math.min(top, open.length)
  const count = Object.keys(snapshot.actions).length
  const t = useT()

  const exportCsv = async () => {
    await loadPrintLabels(snapshot.meta.locale)
    const csv = actionPlanCsv(snapshot)
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileBaseName(snapshot.meta.title)} – ${t('actions.csvFileSuffix')}.csv`)
  }

  return (
    <div className="view-page action-plan">
      <h2>{t('actions.heading')}</h2>
      <p className="intro">{t('actions.intro')}</p>
      <div className="view-toolbar">
        {!readOnly && (
          <button type="button" className="primary" onClick={() => setEditing(addAction(doc, { title: translate(snapshot.meta.locale, 'newRecord.action') }))}>
            {t('actions.new')}
          </button>
        )}
        <div className="segmented" role="radiogroup" aria-label={t('actions.groupBy')}>
          {(['department', 'status'] as const).map((g) => (
            <label key={g} className={grouping === g ? 'is-checked' : undefined}>
              <input type="radio" name="action-grouping" checked={grouping === g} onChange={() => setGrouping(g)} />
              {g === 'department' ? t('actions.byDepartment') : t('actions.byStatus')}
            </label>
          ))}
        </div>
        <button type="button" onClick={exportCsv} disabled={count === 0}>
          {t('actions.exportCsv')}
        </button>
        <span className="status-message">
          {t.plural('actions.count', count)}
        </span>
      </div>
      {count === 0 ? (
        <p className="view-empty">{t('actions.empty')}</p>
      ) : (
        <div className="board" aria-label={grouping === 'department' ? t('actions.boardByDepartment') : t('actions.boardByStatus')} role="region">
          {columns.map((column) => (
            <section key={column.key} className={`board-column${grouping === 'status' ? ` status-${column.key}` : ''}`} aria-label={columnTitle(t, grouping, column.key)}>
              <h3>
                {columnTitle(t, grouping, column.key)} <span className="count">{column.cards.length}</span>
              </h3>
              <ul>
                {column.cards.map((card) => (
                  <li key={card.action.id}>
                    <ActionCard card={card} editing={editing === card.action.id} onEdit={(on) => setEditing(on ? card.action.id : null)} readOnly={readOnly} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <section className="view-section open-items" aria-labelledby="open-items-heading">
        <h3 id="open-items-heading">{t('actions.openHeading')}</h3>
        <p className="hint">{t('actions.openHint')}</p>
        {!readOnly && open.length > 0 && (
          <div className="view-toolbar create-top">
            <label>
              {t('actions.topCount')}{' '}
              <input type="number" min={1} max={open.length} value={top} onChange={(e) => setTop(Math.max(1, Math.min(99, Math.floor(Number(e.target.value)) || 1)))} />
            </label>
            <button type="button" onClick={() => setCreated(addActionsFor(doc, open.slice(0, topN).map((o) => o.annotation.id)).length)}>
              {t.plural('actions.createTop', topN)}
            </button>
            <span className="status-message" role="status">
              {created !== null && created > 0 ? t.plural('actions.createdTop', created) : ''}
            </span>
          </div>
        )}
        {open.length === 0 ? (
          <p className="view-empty">{t('actions.allAddressed')}</p>
        ) : (
          <ol className="open-list" data-testid="open-items">
            {open.map(({ annotation: a, votes }) => (
              <li key={a.id}>
                <span className={`kind-chip kind-${a.kind}`}>{t(`annotationKind.${a.kind}.one`)}</span>
                <span className="open-text">{a.text}</span>
                {votes > 0 && <span className="open-votes">{t.plural('voting.votes', votes)}</span>}
                <span className="muted small">{whereIs(snapshot, a.targetId)}</span>
                {!readOnly && (
                  <button type="button" className="small-button" aria-label={t('actions.createFor', { text: a.text })} onClick={() => setEditing(addAction(doc, { fromAnnotation: a.id }))}>
                    {t('annotation.createAction')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}

function columnTitle(t: Translator, grouping: BoardGrouping, key: string): string {
  if (grouping === 'status') return t(`actionStatus.${key as ActionStatus}`)
  return key || t('actions.noDepartment')
}
