/**
 * The action plan (seed 002's "handlingsplan"): SMART actions owned by departments, linked to the
 * pain points and needs they fix, on a board grouped by department or by status, and exported as
 * CSV for the steering group's spreadsheet.
 */
import { useMemo, useState } from 'react'
import { addAction } from '../../commands'
import { actionBoard, unaddressed, type BoardGrouping } from '../../insights/actionBoard'
import { whereIs } from '../../insights/priorityMatrix'
import { downloadBlob } from '../../io/download'
import { fileBaseName } from '../../io/fileName'
import { actionPlanCsv } from '../../io/actionPlanCsv'
import { selectReadOnly, selectSnapshot, useJourneyStore } from '../../store'
import { useMapSession } from '../MapSessionContext'
import { ActionCard, STATUS_LABEL } from './ActionCard'
import { KIND_SHORT } from './kindLabels'
import '../views.css'
import './actionPlan.css'

export function ActionPlanView() {
  const { doc } = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const readOnly = useJourneyStore(selectReadOnly)
  const [grouping, setGrouping] = useState<BoardGrouping>('department')
  const [editing, setEditing] = useState<string | null>(null)
  const columns = useMemo(() => actionBoard(snapshot, grouping), [snapshot, grouping])
  const open = useMemo(() => unaddressed(snapshot), [snapshot])
  const count = Object.keys(snapshot.actions).length

  const exportCsv = () => {
    const csv = actionPlanCsv(snapshot)
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileBaseName(snapshot.meta.title)} – action plan.csv`)
  }

  return (
    <div className="view-page action-plan">
      <h2>Action plan</h2>
      <p className="intro">Who does what to fix the journey: each action has an owning department, a measure, a target, a due date and a status, and names the pain points and needs it addresses.</p>
      <div className="view-toolbar">
        {!readOnly && (
          <button type="button" className="primary" onClick={() => setEditing(addAction(doc, { title: 'New action' }))}>
            New action
          </button>
        )}
        <div className="segmented" role="radiogroup" aria-label="Group actions by">
          {(['department', 'status'] as const).map((g) => (
            <label key={g} className={grouping === g ? 'is-checked' : undefined}>
              <input type="radio" name="action-grouping" checked={grouping === g} onChange={() => setGrouping(g)} />
              {g === 'department' ? 'By department' : 'By status'}
            </label>
          ))}
        </div>
        <button type="button" onClick={exportCsv} disabled={count === 0}>
          Export plan as CSV
        </button>
        <span className="status-message">
          {count} {count === 1 ? 'action' : 'actions'}
        </span>
      </div>
      {count === 0 ? (
        <p className="view-empty">No actions yet. Start one with “New action”, or from a pain point below or in the canvas inspector (“Create action”).</p>
      ) : (
        <div className="board" aria-label={grouping === 'department' ? 'Actions by department' : 'Actions by status'} role="region">
          {columns.map((column) => (
            <section key={column.key} className={`board-column${grouping === 'status' ? ` status-${column.key}` : ''}`} aria-label={columnTitle(grouping, column.key)}>
              <h3>
                {columnTitle(grouping, column.key)} <span className="count">{column.cards.length}</span>
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
        <h3 id="open-items-heading">Not yet addressed</h3>
        <p className="hint">Pain points and needs that are not met and that no action addresses yet.</p>
        {open.length === 0 ? (
          <p className="view-empty">Every pain point and unmet need has an action.</p>
        ) : (
          <ul>
            {open.map((a) => (
              <li key={a.id}>
                <span className={`kind-chip kind-${a.kind}`}>{KIND_SHORT[a.kind]}</span>
                <span className="open-text">{a.text}</span>
                <span className="muted small">{whereIs(snapshot, a.targetId)}</span>
                {!readOnly && (
                  <button type="button" className="small-button" aria-label={`Create action for ${a.text}`} onClick={() => setEditing(addAction(doc, { fromAnnotation: a.id }))}>
                    Create action
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

function columnTitle(grouping: BoardGrouping, key: string): string {
  if (grouping === 'status') return STATUS_LABEL[key as keyof typeof STATUS_LABEL]
  return key || 'No department yet'
}
