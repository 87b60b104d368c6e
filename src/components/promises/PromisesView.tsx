/**
 * Customer promises and their service priorities (seed 002): the few statements of what the
 * customer should always experience, each made measurable by service priorities that are linked
 * to the touchpoints where the promise is kept or broken.
 */
import { useId, useMemo, useState } from 'react'
import { addPromise, addServicePriority, deletePromise, deleteServicePriority, linkPriorityTouchpoint, unlinkPriorityTouchpoint, updatePromise, updateServicePriority } from '../../commands'
import { byOrder, findOrphans, sortedPersonas, sortedStages, type CustomerPromise, type PromiseId, type ServicePriority, type Snapshot, type TouchpointId } from '../../model'
import { selectReadOnly, selectSnapshot, useJourneyStore } from '../../store'
import { TextField } from '../fields'
import { useMapSession } from '../MapSessionContext'
import '../views.css'
import './promises.css'

export function PromisesView() {
  const { doc } = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const readOnly = useJourneyStore(selectReadOnly)
  const [draft, setDraft] = useState('')
  const promises = useMemo(() => Object.values(snapshot.promises).sort(byOrder), [snapshot.promises])
  const orphans = useMemo(() => findOrphans(snapshot).servicePriorities, [snapshot])
  return (
    <div className="view-page promises-view">
      <h2>Customer promises</h2>
      <p className="intro">The few statements of what the customer should always experience, each made measurable by service priorities and linked to the touchpoints that prove them.</p>
      {promises.length === 0 && <p className="view-empty">No promises yet.</p>}
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
          <input value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="New customer promise" placeholder="A promise, e.g. “You never wait for us”" maxLength={500} />
          <button type="submit" className="primary" disabled={!draft.trim()}>
            Add promise
          </button>
        </form>
      )}
      {orphans.length > 0 && (
        <section className="view-section" aria-labelledby="orphan-priorities">
          <h3 id="orphan-priorities">Service priorities without a promise</h3>
          <p className="hint">Their promise was deleted while someone worked on them. Move each under a promise, or delete it.</p>
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
  const priorities = Object.values(snapshot.servicePriorities)
    .filter((sp) => sp.promiseId === promise.id)
    .sort(byOrder)
  return (
    <article className="promise-card" aria-label={`Promise ${index + 1}: ${promise.text}`}>
      <header>
        <span className="promise-number" aria-hidden="true">
          {index + 1}
        </span>
        <div className="promise-text">
          <TextField label={`Promise ${index + 1}`} hideLabel value={promise.text} disabled={readOnly} onCommit={(text) => updatePromise(doc, promise.id, text)} />
        </div>
        {!readOnly && (
          <button type="button" className="link-button danger" aria-label={`Delete promise ${promise.text}`} onClick={() => confirm(`Delete the promise “${promise.text}” and its service priorities?`) && deletePromise(doc, promise.id)}>
            Delete
          </button>
        )}
      </header>
      <h4 className="priorities-heading">Service priorities</h4>
      {priorities.length === 0 && <p className="view-empty small">None yet: how would a customer notice this promise is kept?</p>}
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
          <input value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={`New service priority for ${promise.text}`} placeholder="e.g. Never more than 90 s on hold for an invoice question" maxLength={500} />
          <button type="submit" disabled={!draft.trim()}>
            Add priority
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
  const linked = priority.touchpointIds.flatMap((id) => (snapshot.touchpoints[id] ? [snapshot.touchpoints[id]] : []))
  const options = useMemo(() => touchpointOptions(snapshot).filter((o) => !priority.touchpointIds.includes(o.id)), [snapshot, priority.touchpointIds])
  return (
    <div className="priority">
      <div className="priority-fields">
        <TextField label="Service priority" value={priority.text} disabled={readOnly} onCommit={(text) => updateServicePriority(doc, priority.id, { text })} />
        <TextField label="Measure" value={priority.measure} disabled={readOnly} placeholder="e.g. time on hold" onCommit={(measure) => updateServicePriority(doc, priority.id, { measure })} />
        <TextField label="Target" value={priority.target} disabled={readOnly} placeholder="e.g. ≤ 90 s" onCommit={(target) => updateServicePriority(doc, priority.id, { target })} />
      </div>
      <div className="priority-touchpoints">
        <span className="small muted">Proven at:</span>
        {linked.length === 0 && <span className="small muted">no touchpoint yet</span>}
        <ul aria-label={`Touchpoints of ${priority.text}`}>
          {linked.map((tp) => (
            <li key={tp.id} className="tp-chip">
              {tp.title || 'Untitled'}
              {!readOnly && (
                <button type="button" aria-label={`Unlink ${tp.title} from ${priority.text}`} onClick={() => unlinkPriorityTouchpoint(doc, priority.id, tp.id)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {!readOnly && options.length > 0 && (
          <span className="field-inline">
            <label htmlFor={selectId} className="visually-hidden">
              Touchpoint that proves {priority.text}
            </label>
            <select id={selectId} value={toLink} onChange={(e) => setToLink(e.target.value)}>
              <option value="">Link a touchpoint…</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
            <button type="button" disabled={!toLink} onClick={() => (linkPriorityTouchpoint(doc, priority.id, toLink as TouchpointId), setToLink(''))}>
              Link
            </button>
          </span>
        )}
      </div>
      {!readOnly && (
        <div className="priority-actions">
          {promises && (
            <label>
              <span className="visually-hidden">Move {priority.text} under a promise</span>
              <select value="" onChange={(e) => e.target.value && updateServicePriority(doc, priority.id, { promiseId: e.target.value as PromiseId })}>
                <option value="">Move under…</option>
                {promises.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.text}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="link-button danger" aria-label={`Delete service priority ${priority.text}`} onClick={() => deleteServicePriority(doc, priority.id)}>
            Delete
          </button>
        </div>
      )}
    </div>
  )
}

/** Every placed touchpoint in reading order, labelled with where it sits. */
function touchpointOptions(snapshot: Snapshot): { id: TouchpointId; label: string }[] {
  const out: { id: TouchpointId; label: string }[] = []
  const personas = sortedPersonas(snapshot)
  for (const stage of sortedStages(snapshot)) {
    for (const persona of personas) {
      for (const tp of Object.values(snapshot.touchpoints)
        .filter((t) => t.stageId === stage.id && t.personaId === persona.id)
        .sort(byOrder)) {
        out.push({ id: tp.id, label: `${tp.title || 'Untitled'} (${stage.title} · ${persona.name})` })
      }
    }
  }
  return out
}
