import { useId, useMemo, useState } from 'react'
import { deleteAction, setActionStatus, updateAction } from '../../commands'
import type { BoardCard } from '../../insights/actionBoard'
import { whereIs } from '../../insights/priorityMatrix'
import { ACTION_STATUSES, byOrder, isCalendarDate, type ActionStatus, type AnnotationId } from '../../model'
import { selectSnapshot, useJourneyStore } from '../../store'
import { TextField } from '../fields'
import { useMapSession } from '../MapSessionContext'
import { KIND_SHORT } from './kindLabels'

export const STATUS_LABEL: Record<ActionStatus, string> = { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', blocked: 'Blocked' }

const DEPARTMENTS = ['Sales', 'Marketing', 'Customer service', 'Workshop', 'Finance', 'IT', 'HR', 'Logistics', 'Product', 'Digital']

/** One action on the board: what it is and what it fixes; expands into a form to edit it. */
export function ActionCard({ card, editing, onEdit, readOnly }: { card: BoardCard; editing: boolean; onEdit(on: boolean): void; readOnly: boolean }) {
  const { doc } = useMapSession()
  const { action, addresses } = card
  const statusId = useId()
  return (
    <article className={`action-card status-${action.status}`} aria-label={action.title || 'Untitled action'}>
      <header>
        <h4>{action.title || <span className="muted">Untitled action</span>}</h4>
        {!readOnly && (
          <button type="button" className="link-button" aria-expanded={editing} aria-label={`${editing ? 'Close' : 'Edit'} ${action.title || 'action'}`} onClick={() => onEdit(!editing)}>
            {editing ? 'Close' : 'Edit'}
          </button>
        )}
      </header>
      <dl className="action-facts">
        {action.owner && (
          <>
            <dt>Owner</dt>
            <dd>{action.owner}</dd>
          </>
        )}
        {(action.measure || action.target) && (
          <>
            <dt>Measure</dt>
            <dd>
              {action.measure || '—'}
              {action.target && <> → <strong>{action.target}</strong></>}
            </dd>
          </>
        )}
        {action.dueDate && (
          <>
            <dt>Due</dt>
            <dd>{action.dueDate}</dd>
          </>
        )}
      </dl>
      {addresses.length > 0 && (
        <ul className="addresses" aria-label="Addresses">
          {addresses.map(({ annotation, where }) => (
            <li key={annotation.id}>
              <span className={`kind-chip kind-${annotation.kind}`}>{KIND_SHORT[annotation.kind]}</span> {annotation.text}
              {where && <span className="muted small"> · {where}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="action-status">
        <label htmlFor={statusId} className="visually-hidden">
          Status of {action.title}
        </label>
        <select id={statusId} value={action.status} disabled={readOnly} onChange={(e) => setActionStatus(doc, action.id, e.target.value as ActionStatus)}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      {editing && !readOnly && <ActionForm card={card} onDone={() => onEdit(false)} />}
    </article>
  )
}

function ActionForm({ card, onDone }: { card: BoardCard; onDone(): void }) {
  const { doc } = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const { action } = card
  const dueId = useId()
  const [dueError, setDueError] = useState<string | null>(null)
  const [toAdd, setToAdd] = useState('')
  const candidates = useMemo(
    () =>
      Object.values(snapshot.annotations)
        .filter((a) => (a.kind === 'pain-point' || a.kind === 'functional-need' || a.kind === 'emotional-need') && !action.addresses.includes(a.id))
        .sort(byOrder),
    [snapshot.annotations, action.addresses],
  )
  const set = (patch: Parameters<typeof updateAction>[2]) => updateAction(doc, action.id, patch)
  return (
    <div className="action-form">
      <TextField label="Action" value={action.title} onCommit={(title) => set({ title })} />
      <TextField label="Owner (department)" value={action.owner} list="action-departments" maxLength={200} onCommit={(owner) => set({ owner })} />
      <datalist id="action-departments">
        {DEPARTMENTS.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <div className="field-row">
        <TextField label="Measure" value={action.measure} placeholder="e.g. waiting time on the phone" onCommit={(measure) => set({ measure })} />
        <TextField label="Target" value={action.target} placeholder="e.g. under 90 s" onCommit={(target) => set({ target })} />
      </div>
      <div className="field">
        <label htmlFor={dueId}>Due date</label>
        <input
          id={dueId}
          type="date"
          value={action.dueDate}
          aria-invalid={dueError ? true : undefined}
          onChange={(e) => {
            const value = e.target.value
            if (value !== '' && !isCalendarDate(value)) return setDueError('Pick a day that exists.')
            setDueError(null)
            set({ dueDate: value })
          }}
        />
        {dueError && <span className="error small">{dueError}</span>}
      </div>
      <fieldset className="address-editor">
        <legend>Addresses</legend>
        {card.addresses.length === 0 && <p className="view-empty small">Nothing linked yet.</p>}
        <ul>
          {card.addresses.map(({ annotation }) => (
            <li key={annotation.id}>
              <span>{annotation.text}</span>
              <button type="button" className="link-button danger" aria-label={`Unlink ${annotation.text}`} onClick={() => set({ addresses: action.addresses.filter((id) => id !== annotation.id) })}>
                Unlink
              </button>
            </li>
          ))}
        </ul>
        {candidates.length > 0 && (
          <div className="field-inline">
            <label className="visually-hidden" htmlFor={`${dueId}-add`}>
              Pain point or need to address
            </label>
            <select id={`${dueId}-add`} value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
              <option value="">Add a pain point or need…</option>
              {candidates.map((a) => (
                <option key={a.id} value={a.id}>
                  {KIND_SHORT[a.kind]}: {a.text.slice(0, 60)} ({whereIs(snapshot, a.targetId)})
                </option>
              ))}
            </select>
            <button type="button" disabled={!toAdd} onClick={() => (set({ addresses: [...action.addresses, toAdd as AnnotationId] }), setToAdd(''))}>
              Link
            </button>
          </div>
        )}
      </fieldset>
      <div className="button-row">
        <button type="button" onClick={onDone}>
          Done
        </button>
        <button type="button" className="danger" onClick={() => confirm(`Delete the action “${action.title}”?`) && deleteAction(doc, action.id)}>
          Delete action
        </button>
      </div>
    </div>
  )
}
