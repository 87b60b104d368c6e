/**
 * Customer promises and their service priorities (seed 002): the few statements of what the
 * customer should always experience, each made measurable by service priorities that are linked
 * to the touchpoints where the promise is kept or broken.
 */
import { useId, useMemo, useState } from 'react'
import { addPromise, addServicePriority, deletePromise, deleteServicePriority, linkPriorityTouchpoint, unlinkPriorityTouchpoint, updatePromise, updateServicePriority } from '../../commands'
import { byOrder, findOrphans, isId, sortedPersonas, sortedStages, type CustomerPromise, type ServicePriority, type Snapshot, type TouchpointId } from '../../model'
import { touchpointsInJourneyOrder } from '../../insights/actionBoard'
import { selectReadOnly, selectSnapshot, useJourneyStore } from '../../store'
import { TextField } from '../../fields/fields'
import { useMapSession } from '../../session/MapSessionContext'
import type { Translator } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import '../views.css'
import './promises.css'

export function PromisesView() {
  const { doc } = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const readOnly = useJourneyStore(selectReadOnly)
  const [draft, setDraft] = useState('')
  const t = useT()
  const promises = useMemo(() => Object.values(snapshot.promises).sort(byOrder), [snapshot.promises])
  const orphans = useMemo(() => findOrphans(snapshot).servicePriorities, [snapshot])
  return (
    <div className="view-page promises-view">
      <h2>{t('promises.heading')}</h2>
      <p className="intro">{t('promises.intro')}</p>
      {promises.length === 0 && <p className="view-empty">{t('promises.none')}</p>}
      <ol className="promise-list">
        {promises.map((p, i) => (
          <li key={p.id}>
            <PromiseCard promise={p} index={i} snapshot={snapshot} readOnly={readOnly} />
          </li>
        ))}
      </ol>
      {!readOnly && (
        <form
          className="add-row"
          onSubmit={(e) => {
            e.preventDefault()
            if (!draft.trim()) return
            addPromise(doc, { text: draft.trim() })
            setDraft('')
          }}
        >
          <input value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={t('promises.new')} placeholder={t('promises.newPlaceholder')} maxLength={500} />
          <button type="submit" className="primary" disabled={!draft.trim()}>
            {t('promises.add')}
          </button>
        </form>
      )}
      {orphans.length > 0 && (
        <section className="view-section" aria-labelledby="orphan-priorities">
          <h3 id="orphan-priorities">{t('promises.orphans')}</h3>
          <p className="hint">{t('promises.orphansHint')}</p>
          <ul className="priority-list">
            {orphans.map((sp) => (
              <li key={sp.id}>
                <PriorityRow priority={sp} snapshot={snapshot} readOnly={readOnly} promises={promises} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

function PromiseCard({ promise, index, snapshot, readOnly }: { promise: CustomerPromise; index: number; snapshot: Snapshot; readOnly: boolean }) {
  const { doc } = useMapSession()
  const [draft, setDraft] = useState('')
  const t = useT()
  const priorities = Object.values(snapshot.servicePriorities)
    .filter((sp) => sp.promiseId === promise.id)
    .sort(byOrder)
  return (
    <article className="promise-card" aria-label={t('promises.promiseLabel', { n: index + 1, text: promise.text })}>
      <header>
        <span className="promise-number" aria-hidden="true">
          {index + 1}
        </span>
        <div className="promise-text">
          <TextField label={t('promises.promiseN', { n: index + 1 })} hideLabel value={promise.text} editKey={{ id: promise.id, field: 'text' }} disabled={readOnly} onCommit={(text) => updatePromise(doc, promise.id, text)} />
        </div>
        {!readOnly && (
          <button type="button" className="link-button danger" aria-label={t('promises.deleteNamed', { text: promise.text })} onClick={() => confirm(t('promises.confirmDelete', { text: promise.text })) && deletePromise(doc, promise.id)}>
            {t('common.delete')}
          </button>
        )}
      </header>
      <h4 className="priorities-heading">{t('promises.priorities')}</h4>
      {priorities.length === 0 && <p className="view-empty small">{t('promises.noPriorities')}</p>}
      <ul className="priority-list">
        {priorities.map((sp) => (
          <li key={sp.id}>
            <PriorityRow priority={sp} snapshot={snapshot} readOnly={readOnly} />
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="add-row"
          onSubmit={(e) => {
            e.preventDefault()
            if (!draft.trim()) return
            addServicePriority(doc, { promiseId: promise.id, text: draft.trim() })
            setDraft('')
          }}
        >
          <input value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={t('promises.newPriority', { promise: promise.text })} placeholder={t('promises.priorityPlaceholder')} maxLength={500} />
          <button type="submit" disabled={!draft.trim()}>
            {t('promises.addPriority')}
          </button>
        </form>
      )}
    </article>
  )
}

function PriorityRow({ priority, snapshot, readOnly, promises }: { priority: ServicePriority; snapshot: Snapshot; readOnly: boolean; promises?: CustomerPromise[] }) {
  const { doc } = useMapSession()
  const selectId = useId()
  const [toLink, setToLink] = useState('')
  const t = useT()
  const linked = touchpointsInJourneyOrder(snapshot, priority.touchpointIds)
  const options = useMemo(() => touchpointOptions(t, snapshot).filter((o) => !priority.touchpointIds.includes(o.id)), [t, snapshot, priority.touchpointIds])
  return (
    <div className="priority">
      <div className="priority-fields">
        <TextField label={t('promises.priority')} value={priority.text} editKey={{ id: priority.id, field: 'text' }} disabled={readOnly} onCommit={(text) => updateServicePriority(doc, priority.id, { text })} />
        <TextField label={t('common.measure')} value={priority.measure} editKey={{ id: priority.id, field: 'measure' }} disabled={readOnly} placeholder={t('promises.measurePlaceholder')} onCommit={(measure) => updateServicePriority(doc, priority.id, { measure })} />
        <TextField label={t('common.target')} value={priority.target} editKey={{ id: priority.id, field: 'target' }} disabled={readOnly} placeholder={t('promises.targetPlaceholder')} onCommit={(target) => updateServicePriority(doc, priority.id, { target })} />
      </div>
      <div className="priority-touchpoints">
        <span className="small muted">{t('promises.provenAt')}</span>
        {linked.length === 0 && <span className="small muted">{t('promises.noTouchpoint')}</span>}
        <ul aria-label={t('promises.touchpointsOf', { text: priority.text })}>
          {linked.map((tp) => (
            <li key={tp.id} className="tp-chip">
              {tp.title || t('common.untitled')}
              {!readOnly && (
                <button type="button" aria-label={t('promises.unlinkNamed', { title: tp.title, text: priority.text })} onClick={() => unlinkPriorityTouchpoint(doc, priority.id, tp.id)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {!readOnly && options.length > 0 && (
          <span className="field-inline">
            <label htmlFor={selectId} className="visually-hidden">
              {t('promises.provingTouchpoint', { text: priority.text })}
            </label>
            <select id={selectId} value={toLink} onChange={(e) => setToLink(e.target.value)}>
              <option value="">{t('promises.linkTouchpoint')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
            <button type="button" disabled={!toLink} onClick={() => (isId('touchpoint', toLink) && linkPriorityTouchpoint(doc, priority.id, toLink), setToLink(''))}>
              {t('common.link')}
            </button>
          </span>
        )}
      </div>
      {!readOnly && (
        <div className="priority-actions">
          {promises && (
            <label>
              <span className="visually-hidden">{t('promises.moveUnder', { text: priority.text })}</span>
              <select value="" onChange={(e) => isId('promise', e.target.value) && updateServicePriority(doc, priority.id, { promiseId: e.target.value })}>
                <option value="">{t('promises.moveUnderPrompt')}</option>
                {promises.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.text}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="link-button danger" aria-label={t('promises.deletePriority', { text: priority.text })} onClick={() => deleteServicePriority(doc, priority.id)}>
            {t('common.delete')}
          </button>
        </div>
      )}
    </div>
  )
}

/** Every placed touchpoint in reading order, labelled with where it sits. */
function touchpointOptions(t: Translator, snapshot: Snapshot): { id: TouchpointId; label: string }[] {
  const out: { id: TouchpointId; label: string }[] = []
  const personas = sortedPersonas(snapshot)
  for (const stage of sortedStages(snapshot)) {
    for (const persona of personas) {
      for (const tp of Object.values(snapshot.touchpoints)
        .filter((t) => t.stageId === stage.id && t.personaId === persona.id)
        .sort(byOrder)) {
        out.push({ id: tp.id, label: `${tp.title || t('common.untitled')} (${stage.title} · ${persona.name})` })
      }
    }
  }
  return out
}
