import { useMemo, useState } from 'react'
import {
  addPersona,
  addStage,
  addTouchpoint,
  deleteLink,
  deletePersona,
  deleteStage,
  deleteTouchpoint,
  linkTouchpoints,
  movePersona,
  moveStage,
  relabelLink,
  renameStage,
  setMeta,
  updatePersona,
  updateTouchpoint,
} from '../commands'
import {
  CHANNELS,
  PHASES,
  sortedPersonas,
  stagesInPhase,
  type LinkId,
  type Persona,
  type PersonaId,
  type Phase,
  type Snapshot,
  type Stage,
  type StageId,
  type Touchpoint,
  type TouchpointId,
} from '../model'
import { EMOTION_LABELS, phaseName } from '../i18n/phaseNames'
import { selectReadOnly, selectSelection, selectSnapshot, useJourneyStore } from '../store'
import { AnnotationList } from './AnnotationList'
import { CommentThreads } from './CommentThreads'
import { VotingPanel } from './workshop/VotingPanel'
import { Section, TextField } from './fields'
import { TouchpointMetrics } from './TouchpointMetrics'
import { useMapSession } from './MapSessionContext'

const DEPARTMENTS = ['Sales', 'Marketing', 'Customer service', 'Workshop', 'Finance', 'IT', 'HR', 'Logistics', 'Product']

/** The side panel for whatever is selected: every field, and its annotations of every kind. */
export function Inspector() {
  const selection = useJourneyStore(selectSelection)
  const snapshot = useJourneyStore(selectSnapshot)
  let body: React.ReactNode
  let title = 'Map'
  if (selection?.kind === 'touchpoint' && snapshot.touchpoints[selection.id]) {
    title = 'Touchpoint'
    body = <TouchpointInspector tp={snapshot.touchpoints[selection.id]} snapshot={snapshot} />
  } else if (selection?.kind === 'persona' && snapshot.personas[selection.id]) {
    title = 'Persona'
    body = <PersonaInspector persona={snapshot.personas[selection.id]} snapshot={snapshot} />
  } else if (selection?.kind === 'stage' && snapshot.stages[selection.id]) {
    title = 'Stage'
    body = <StageInspector stage={snapshot.stages[selection.id]} snapshot={snapshot} />
  } else if (selection?.kind === 'phase') {
    const phase = selection.id.slice('phase:'.length) as Phase
    title = 'Phase'
    body = (
      <>
        <p className="lead">{phaseName(phase, snapshot.meta.locale)}</p>
        <Section title="Annotations">
          <AnnotationList targetId={selection.id} />
        </Section>
        <Section title="Comments">
          <CommentThreads targetId={selection.id} />
        </Section>
      </>
    )
  } else if (selection?.kind === 'cell' && snapshot.stages[selection.stageId] && snapshot.personas[selection.personaId]) {
    title = 'Cell'
    body = <CellInspector stageId={selection.stageId as StageId} personaId={selection.personaId as PersonaId} snapshot={snapshot} />
  } else if (selection?.kind === 'link' && snapshot.links[selection.id]) {
    title = 'Link'
    body = <LinkInspector id={selection.id as LinkId} snapshot={snapshot} />
  } else {
    body = <MapInspector snapshot={snapshot} />
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      <VotingPanel />
      <h2 className="inspector-title">{title}</h2>
      {body}
    </aside>
  )
}

function MapInspector({ snapshot }: { snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  return (
    <>
      <TextField label="Description" multiline maxLength={20000} value={snapshot.meta.description} disabled={readOnly} onCommit={(description) => setMeta(doc, { description })} />
      <div className="field">
        <label htmlFor="map-locale">Map language</label>
        <select id="map-locale" value={snapshot.meta.locale} disabled={readOnly} onChange={(e) => setMeta(doc, { locale: e.target.value })}>
          <option value="en">English</option>
          <option value="da">Dansk</option>
          <option value="sv">Svenska</option>
          <option value="nb">Norsk bokmål</option>
        </select>
      </div>
      <Section title="How to">
        <ul className="help">
          <li>Click a cell and press <kbd>N</kbd> to add a touchpoint.</li>
          <li>Double-click a card (or press <kbd>Enter</kbd>) to rename it.</li>
          <li>Drag cards between cells, stages and personas to reorder.</li>
          <li>Arrow keys move between cards; <kbd>Delete</kbd> removes one.</li>
          <li><kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes your own edits only.</li>
        </ul>
      </Section>
    </>
  )
}

function TouchpointInspector({ tp, snapshot }: { tp: Touchpoint; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const [linkTarget, setLinkTarget] = useState('')
  const set = (patch: Partial<Touchpoint>) => updateTouchpoint(doc, tp.id, patch)
  const others = useMemo(() => Object.values(snapshot.touchpoints).filter((t) => t.id !== tp.id).sort((a, b) => a.title.localeCompare(b.title)), [snapshot.touchpoints, tp.id])
  const links = Object.values(snapshot.links).filter((l) => l.from === tp.id || l.to === tp.id)
  const stage = snapshot.stages[tp.stageId]
  const persona = snapshot.personas[tp.personaId]
  return (
    <>
      <p className="crumb">
        {stage ? `${phaseName(stage.phase, snapshot.meta.locale)} › ${stage.title}` : 'Unplaced'} · {persona?.name ?? '—'}
      </p>
      <TextField label="Title" value={tp.title} disabled={readOnly} onCommit={(title) => set({ title })} />
      <TextField label="Description" multiline maxLength={20000} value={tp.description} disabled={readOnly} onCommit={(description) => set({ description })} />
      <div className="field-row">
        <TextField label="Channel" value={tp.channel} list="channel-options" maxLength={100} disabled={readOnly} onCommit={(channel) => set({ channel })} />
        <TextField label="Owner (department)" value={tp.owner} list="department-options" maxLength={200} disabled={readOnly} onCommit={(owner) => set({ owner })} />
      </div>
      <datalist id="channel-options">
        {CHANNELS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <datalist id="department-options">
        {DEPARTMENTS.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <fieldset className="emotion-picker" disabled={readOnly}>
        <legend>Emotion</legend>
        {[null, -2, -1, 0, 1, 2].map((v) => (
          <label key={String(v)} className={tp.emotion === v ? 'is-checked' : undefined}>
            <input type="radio" name={`emotion-${tp.id}`} checked={tp.emotion === v} onChange={() => set({ emotion: v })} />
            <span>{v === null ? 'Not scored' : `${v > 0 ? '+' : ''}${v} ${EMOTION_LABELS[String(v)]}`}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`priority-${tp.id}`}>Priority</label>
        <select id={`priority-${tp.id}`} value={tp.priority ?? ''} disabled={readOnly} onChange={(e) => set({ priority: e.target.value ? Number(e.target.value) : null })}>
          <option value="">None</option>
          {[1, 2, 3, 4, 5].map((p) => (
            <option key={p} value={p}>
              {p}
              {p === 1 ? ' (highest)' : p === 5 ? ' (lowest)' : ''}
            </option>
          ))}
        </select>
      </div>
      <Section title="Metrics">
        <TouchpointMetrics tp={tp} />
      </Section>
      <Section title="Annotations">
        <AnnotationList targetId={tp.id} />
      </Section>
      <Section title="Comments">
        <CommentThreads targetId={tp.id} />
      </Section>
      <Section title="Links">
        <ul className="links-list">
          {links.map((l) => {
            const other = snapshot.touchpoints[l.from === tp.id ? l.to : l.from]
            return (
              <li key={l.id}>
                <span>
                  {l.from === tp.id ? '→' : '←'} {other?.title ?? 'deleted card'}
                  {l.label && <em> ({l.label})</em>}
                </span>
                {!readOnly && (
                  <button type="button" className="link-button danger" onClick={() => deleteLink(doc, l.id)} aria-label={`Remove link to ${other?.title ?? 'deleted card'}`}>
                    Remove
                  </button>
                )}
              </li>
            )
          })}
        </ul>
        {!readOnly && others.length > 0 && (
          <div className="field-inline">
            <label htmlFor={`link-${tp.id}`} className="visually-hidden">
              Link to touchpoint
            </label>
            <select id={`link-${tp.id}`} value={linkTarget} onChange={(e) => setLinkTarget(e.target.value)}>
              <option value="">Link to…</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title || 'Untitled'}
                </option>
              ))}
            </select>
            <button type="button" disabled={!linkTarget} onClick={() => (linkTouchpoints(doc, tp.id, linkTarget as TouchpointId), setLinkTarget(''))}>
              Link
            </button>
          </div>
        )}
      </Section>
      {!readOnly && (
        <button
          type="button"
          className="danger wide"
          onClick={() => {
            deleteTouchpoint(doc, tp.id)
            select(null)
          }}
        >
          Delete touchpoint
        </button>
      )}
    </>
  )
}

function PersonaInspector({ persona, snapshot }: { persona: Persona; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const ordered = sortedPersonas(snapshot)
  const index = ordered.findIndex((p) => p.id === persona.id)
  return (
    <>
      <TextField label="Name" value={persona.name} disabled={readOnly} onCommit={(name) => updatePersona(doc, persona.id, { name })} />
      <TextField label="Description" multiline maxLength={20000} value={persona.description} disabled={readOnly} placeholder="Who they are, goals, expectations, preferred channels" onCommit={(description) => updatePersona(doc, persona.id, { description })} />
      <div className="field">
        <label htmlFor={`color-${persona.id}`}>Colour</label>
        <input id={`color-${persona.id}`} type="color" value={persona.color} disabled={readOnly} onChange={(e) => updatePersona(doc, persona.id, { color: e.target.value })} />
      </div>
      {!readOnly && (
        <div className="button-row">
          <button type="button" disabled={index <= 0} onClick={() => movePersona(doc, persona.id, index - 1)}>
            Move up
          </button>
          <button type="button" disabled={index >= ordered.length - 1} onClick={() => movePersona(doc, persona.id, index + 1)}>
            Move down
          </button>
        </div>
      )}
      <Section title="Annotations">
        <AnnotationList targetId={persona.id} />
      </Section>
      <Section title="Comments">
        <CommentThreads targetId={persona.id} />
      </Section>
      {!readOnly && (
        <button
          type="button"
          className="danger wide"
          onClick={() => {
            if (confirm(`Delete ${persona.name || 'this persona'} and all of their touchpoints?`)) {
              deletePersona(doc, persona.id)
              select(null)
            }
          }}
        >
          Delete persona
        </button>
      )}
    </>
  )
}

function StageInspector({ stage, snapshot }: { stage: Stage; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const siblings = stagesInPhase(snapshot, stage.phase)
  const index = siblings.findIndex((s) => s.id === stage.id)
  return (
    <>
      <TextField label="Stage title" value={stage.title} disabled={readOnly} onCommit={(title) => renameStage(doc, stage.id, title)} />
      <div className="field">
        <label htmlFor={`phase-${stage.id}`}>Phase</label>
        <select id={`phase-${stage.id}`} value={stage.phase} disabled={readOnly} onChange={(e) => moveStage(doc, stage.id, { phase: e.target.value as Phase, index: Number.MAX_SAFE_INTEGER })}>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {phaseName(p, snapshot.meta.locale)}
            </option>
          ))}
        </select>
      </div>
      {!readOnly && (
        <div className="button-row">
          <button type="button" disabled={index <= 0} onClick={() => moveStage(doc, stage.id, { phase: stage.phase, index: index - 1 })}>
            Move left
          </button>
          <button type="button" disabled={index >= siblings.length - 1} onClick={() => moveStage(doc, stage.id, { phase: stage.phase, index: index + 1 })}>
            Move right
          </button>
        </div>
      )}
      <Section title="Annotations">
        <AnnotationList targetId={stage.id} />
      </Section>
      <Section title="Comments">
        <CommentThreads targetId={stage.id} />
      </Section>
      {!readOnly && (
        <button
          type="button"
          className="danger wide"
          onClick={() => {
            if (confirm(`Delete the stage ${stage.title || ''} and its touchpoints?`)) {
              deleteStage(doc, stage.id)
              select(null)
            }
          }}
        >
          Delete stage
        </button>
      )}
    </>
  )
}

function CellInspector({ stageId, personaId, snapshot }: { stageId: StageId; personaId: PersonaId; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const startEditingTitle = useJourneyStore((s) => s.startEditingTitle)
  return (
    <>
      <p className="crumb">
        {snapshot.stages[stageId].title} · {snapshot.personas[personaId].name}
      </p>
      {!readOnly && (
        <button
          type="button"
          className="primary wide"
          onClick={() => {
            const id = addTouchpoint(doc, { stageId, personaId, title: 'New touchpoint' })
            select({ kind: 'touchpoint', id })
            startEditingTitle(id)
          }}
        >
          Add touchpoint here
        </button>
      )}
    </>
  )
}

function LinkInspector({ id, snapshot }: { id: LinkId; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const link = snapshot.links[id]
  return (
    <>
      <p className="crumb">
        {snapshot.touchpoints[link.from]?.title} → {snapshot.touchpoints[link.to]?.title}
      </p>
      <TextField label="Label" value={link.label} disabled={readOnly} onCommit={(label) => relabelLink(doc, id, label)} />
      {!readOnly && (
        <button
          type="button"
          className="danger wide"
          onClick={() => {
            deleteLink(doc, id)
            select(null)
          }}
        >
          Delete link
        </button>
      )}
    </>
  )
}

/** Toolbar actions to grow the grid. */
export function useGridActions() {
  const { doc } = useMapSession()
  const select = useJourneyStore((s) => s.select)
  return {
    addStage(phase: Phase) {
      const id = addStage(doc, { phase, title: 'New stage' })
      select({ kind: 'stage', id })
    },
    addPersona() {
      const id = addPersona(doc, { name: 'New persona' })
      select({ kind: 'persona', id })
    },
  }
}
