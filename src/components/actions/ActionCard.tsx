import { memo, useCallback, useId, useState } from 'react'
import { deleteAction, linkActionAnnotation, setActionStatus, unlinkActionAnnotation, updateAction } from '../../commands'
import { boardCard, type AddressedItem, type BoardCard } from '../../insights/actionBoard'
import { whereIs } from '../../insights/priorityMatrix'
import { ACTION_STATUSES, byOrder, isCalendarDate, isId, type ActionId, type ActionStatus } from '../../model'
import { useJourneyStore, type JourneyState } from '../../store'
import { useJourneyStoreWith } from '../../store/useJourneyStoreWith'
import { TextField } from '../../fields/fields'
import { useMapSession } from '../../session/MapSessionContext'
import { formatCalendarDate } from '../../i18n/format'
import { translate, type MessageKey } from '../../i18n/translate'
import { useT } from '../../i18n/useT'

/** Owner suggestions. They become map content (and board columns), so they come in the map's language. */
const DEPARTMENTS: MessageKey[] = [
  'department.sales',
  'department.marketing',
  'department.customerService',
  'department.workshop',
  'department.finance',
  'department.it',
  'department.hr',
  'department.logistics',
  'department.product',
  'department.digital',
]

/** Annotations listed with where each sits: the same when every record and place is. */
export const sameAnnotationsAt = (a: readonly AddressedItem[], b: readonly AddressedItem[]): boolean =>
  a.length === b.length && a.every((x, i) => x.annotation === b[i].annotation && x.where === b[i].where)

/** The same card when the action record, and every addressed annotation and where it sits, are the same. */
const sameCard = (a: BoardCard | null, b: BoardCard | null): boolean => a === b || (a !== null && b !== null && a.action === b.action && sameAnnotationsAt(a.addresses, b.addresses))

/**
 * One action on the board: what it is and what it fixes; expands into a form to edit it. It
 * subscribes to its own action and what that addresses, so typing in one card (or anywhere else
 * on the map) re-renders that card only.
 */
export const ActionCard = memo(function ActionCard({ id, editing, onEdit, readOnly }: { id: ActionId; editing: boolean; onEdit(id: ActionId, on: boolean): void; readOnly: boolean }) {
  const selectCard = useCallback((s: JourneyState) => (s.snapshot.actions[id] ? boardCard(s.snapshot, s.snapshot.actions[id]) : null), [id])
  const card = useJourneyStoreWith(selectCard, sameCard)
  if (!card) return null
  return <Card card={card} editing={editing} onEdit={(on) => onEdit(id, on)} readOnly={readOnly} />
})

function Card({ card, editing, onEdit, readOnly }: { card: BoardCard; editing: boolean; onEdit(on: boolean): void; readOnly: boolean }) {
  const { doc } = useMapSession()
  const { action, addresses } = card
  const statusId = useId()
  const t = useT()
  return (
    <article className={`action-card status-${action.status}`} aria-label={action.title || t('actions.untitled')}>
      <header>
        <h4>{action.title || <span className="muted">{t('actions.untitled')}</span>}</h4>
        {!readOnly && (
          <button type="button" className="link-button" aria-expanded={editing} aria-label={t(editing ? 'actions.closeNamed' : 'actions.editNamed', { title: action.title || t('actions.actionLower') })} onClick={() => onEdit(!editing)}>
            {editing ? t('common.close') : t('common.edit')}
          </button>
        )}
      </header>
      <dl className="action-facts">
        {action.owner && (
          <>
            <dt>{t('actions.owner')}</dt>
            <dd>{action.owner}</dd>
          </>
        )}
        {(action.measure || action.target) && (
          <>
            <dt>{t('actions.measure')}</dt>
            <dd>
              {action.measure || '—'}
              {action.target && <> → <strong>{action.target}</strong></>}
            </dd>
          </>
        )}
        {action.dueDate && (
          <>
            <dt>{t('actions.due')}</dt>
            <dd>
              <time dateTime={action.dueDate}>{formatCalendarDate(action.dueDate, t.locale)}</time>
            </dd>
          </>
        )}
      </dl>
      {addresses.length > 0 && (
        <ul className="addresses" aria-label={t('actions.addresses')}>
          {addresses.map(({ annotation, where }) => (
            <li key={annotation.id}>
              <span className={`kind-chip kind-${annotation.kind}`}>{t(`annotationKind.${annotation.kind}.one`)}</span> {annotation.text}
              {where && <span className="muted small"> · {where}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="action-status">
        <label htmlFor={statusId} className="visually-hidden">
          {t('common.statusOf', { name: action.title })}
        </label>
        <select id={statusId} value={action.status} disabled={readOnly} onChange={(e) => setActionStatus(doc, action.id, e.target.value as ActionStatus)}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`actionStatus.${s}`)}
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
  const { action } = card
  const locale = useJourneyStore((s) => s.snapshot.meta.locale)
  const dueId = useId()
  const t = useT()
  const [dueError, setDueError] = useState<string | null>(null)
  const [toAdd, setToAdd] = useState('')
  // What the action could address next, and where each sits.
  const selectCandidates = useCallback(
    ({ snapshot }: JourneyState): AddressedItem[] =>
      Object.values(snapshot.annotations)
        .filter((a) => (a.kind === 'pain-point' || a.kind === 'functional-need' || a.kind === 'emotional-need') && !action.addresses.includes(a.id))
        .sort(byOrder)
        .map((annotation) => ({ annotation, where: whereIs(snapshot, annotation.targetId) })),
    [action.addresses],
  )
  const candidates = useJourneyStoreWith(selectCandidates, sameAnnotationsAt)
  const set = (patch: Parameters<typeof updateAction>[2]) => updateAction(doc, action.id, patch)
  return (
    <div className="action-form">
      <TextField label={t('actions.action')} value={action.title} editKey={{ id: action.id, field: 'title' }} onCommit={(title) => set({ title })} />
      <TextField label={t('common.ownerDepartment')} value={action.owner} editKey={{ id: action.id, field: 'owner' }} list="action-departments" maxLength={200} onCommit={(owner) => set({ owner })} />
      <datalist id="action-departments">
        {DEPARTMENTS.map((d) => (
          <option key={d} value={translate(locale, d)} />
        ))}
      </datalist>
      <div className="field-row">
        <TextField label={t('common.measure')} value={action.measure} editKey={{ id: action.id, field: 'measure' }} placeholder={t('actions.measurePlaceholder')} onCommit={(measure) => set({ measure })} />
        <TextField label={t('common.target')} value={action.target} editKey={{ id: action.id, field: 'target' }} placeholder={t('actions.targetPlaceholder')} onCommit={(target) => set({ target })} />
      </div>
      <div className="field">
        <label htmlFor={dueId}>{t('actions.dueDate')}</label>
        <input
          id={dueId}
          type="date"
          value={action.dueDate}
          aria-invalid={dueError ? true : undefined}
          onChange={(e) => {
            const value = e.target.value
            if (value !== '' && !isCalendarDate(value)) return setDueError(t('actions.badDate'))
            setDueError(null)
            set({ dueDate: value })
          }}
        />
        {dueError && <span className="error small">{dueError}</span>}
      </div>
      <fieldset className="address-editor">
        <legend>{t('actions.addresses')}</legend>
        {card.addresses.length === 0 && <p className="view-empty small">{t('actions.nothingLinked')}</p>}
        <ul>
          {card.addresses.map(({ annotation }) => (
            <li key={annotation.id}>
              <span>{annotation.text}</span>
              <button type="button" className="link-button danger" aria-label={t('actions.unlinkNamed', { text: annotation.text })} onClick={() => unlinkActionAnnotation(doc, action.id, annotation.id)}>
                {t('actions.unlink')}
              </button>
            </li>
          ))}
        </ul>
        {candidates.length > 0 && (
          <div className="field-inline">
            <label className="visually-hidden" htmlFor={`${dueId}-add`}>
              {t('actions.toAddress')}
            </label>
            <select id={`${dueId}-add`} value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
              <option value="">{t('actions.addAddress')}</option>
              {candidates.map(({ annotation: a, where }) => (
                <option key={a.id} value={a.id}>
                  {t(`annotationKind.${a.kind}.one`)}: {a.text.slice(0, 60)} ({where})
                </option>
              ))}
            </select>
            <button type="button" disabled={!toAdd} onClick={() => (isId('annotation', toAdd) && linkActionAnnotation(doc, action.id, toAdd), setToAdd(''))}>
              {t('common.link')}
            </button>
          </div>
        )}
      </fieldset>
      <div className="button-row">
        <button type="button" onClick={onDone}>
          {t('common.done')}
        </button>
        <button type="button" className="danger" onClick={() => confirm(t('actions.confirmDelete', { title: action.title })) && deleteAction(doc, action.id)}>
          {t('actions.delete')}
        </button>
      </div>
    </div>
  )
}
