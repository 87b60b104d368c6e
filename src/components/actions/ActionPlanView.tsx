/**
 * The action plan (seed 002's "handlingsplan"): SMART actions owned by departments, linked to the
 * pain points and needs they fix, on a board grouped by department or by status, and exported as
 * CSV for the steering group's spreadsheet.
 */
import { useCallback, useState } from 'react'
import { addAction, addActionsFor } from '../../commands'
import { actionBoard, unaddressed, type AddressedItem, type BoardGrouping } from '../../insights/actionBoard'
import { whereIs } from '../../insights/priorityMatrix'
import { downloadBlob } from '../../io/download'
import { fileBaseName } from '../../io/fileName'
import { actionPlanCsv } from '../../io/actionPlanCsv'
import { loadPrintLabels } from '../../io/printLabels'
import { selectReadOnly, selectWorkshop, useJourneyStore, type JourneyState } from '../../store'
import { useJourneyStoreWith } from '../../store/useJourneyStoreWith'
import { useMapSession } from '../../session/MapSessionContext'
import { ActionCard, sameAnnotationsAt } from './ActionCard'
import { translate, type Translator } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import type { ActionId, ActionStatus } from '../../model'
import '../views.css'
import './actionPlan.css'

/** The board's shape: its columns and which actions sit in each, in order. A card draws itself. */
type Layout = { key: string; ids: ActionId[] }[]
const sameLayout = (a: Layout, b: Layout) => a.length === b.length && a.every((c, i) => c.key === b[i].key && c.ids.length === b[i].ids.length && c.ids.every((id, j) => id === b[i].ids[j]))

/** What the plan still leaves open, in the order to take it up, each item with where it sits and its votes. */
type OpenItem = AddressedItem & { votes: number }
const selectOpen = (s: JourneyState): OpenItem[] =>
  unaddressed(s.snapshot, selectWorkshop(s).voting).map(({ annotation, votes }) => ({ annotation, votes, where: whereIs(s.snapshot, annotation.targetId) }))
const sameOpen = (a: OpenItem[], b: OpenItem[]) => sameAnnotationsAt(a, b) && a.every((x, i) => x.votes === b[i].votes)

export function ActionPlanView() {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const locale = useJourneyStore((s) => s.snapshot.meta.locale)
  const [grouping, setGrouping] = useState<BoardGrouping>('department')
  const [editing, setEditing] = useState<string | null>(null)
  const onEdit = useCallback((id: ActionId, on: boolean) => setEditing(on ? id : null), [])
  // The view follows the board's shape and the open items; a card follows its own action.
  const selectLayout = useCallback((s: JourneyState): Layout => actionBoard(s.snapshot, grouping).map((c) => ({ key: c.key, ids: c.cards.map((card) => card.action.id) })), [grouping])
  const columns = useJourneyStoreWith(selectLayout, sameLayout)
  const open = useJourneyStoreWith(selectOpen, sameOpen)
  const [top, setTop] = useState(3)
  const [created, setCreated] = useState<number | null>(null)
  const topN = Math.min(top, open.length)
  const count = columns.reduce((n, c) => n + c.ids.length, 0)
  const t = useT()

  const exportCsv = async () => {
    const { snapshot } = useJourneyStore.getState()
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
          <button type="button" className="primary" onClick={() => setEditing(addAction(doc, { title: translate(locale, 'newRecord.action') }))}>
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
                {columnTitle(t, grouping, column.key)} <span className="count">{column.ids.length}</span>
              </h3>
              <ul>
                {column.ids.map((id) => (
                  <li key={id}>
                    <ActionCard id={id} editing={editing === id} onEdit={onEdit} readOnly={readOnly} />
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
            {open.map(({ annotation: a, where, votes }) => (
              <li key={a.id}>
                <span className={`kind-chip kind-${a.kind}`}>{t(`annotationKind.${a.kind}.one`)}</span>
                <span className="open-text">{a.text}</span>
                {votes > 0 && <span className="open-votes">{t.plural('voting.votes', votes)}</span>}
                <span className="muted small">{where}</span>
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
