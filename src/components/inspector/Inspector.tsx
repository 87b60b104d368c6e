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
import { phaseName } from '../i18n/phaseNames'
import { translate, type MessageKey } from '../i18n/translate'
import { useT } from '../i18n/useT'
import { richMessage } from '../i18n/richMessage'
import { LOCALE_NAMES, UI_LOCALES } from '../i18n/locales'
import { selectReadOnly, selectSelection, selectSnapshot, useJourneyStore } from '../store'
import { AnnotationList } from './AnnotationList'
import { CommentThreads } from './CommentThreads'
import { VotingPanel } from './workshop/VotingPanel'
import { Section, TextField } from './fields'
import { TouchpointMetrics } from './TouchpointMetrics'
import { useMapSession } from './MapSessionContext'

const DEPARTMENTS: MessageKey[] = ['department.sales', 'department.marketing', 'department.customerService', 'department.workshop', 'department.finance', 'department.it', 'department.hr', 'department.logistics', 'department.product']
const EMOTIONS = [null, -2, -1, 0, 1, 2] as const

/** The side panel for whatever is selected: every field, and its annotations of every kind. */
export function Inspector() {
  const selection = useJourneyStore(selectSelection)
  const snapshot = useJourneyStore(selectSnapshot)
  const t = useT()
  let body: React.ReactNode
  let title = t('inspector.map')
  if (selection?.kind === 'touchpoint' && snapshot.touchpoints[selection.id]) {
    title = t('common.touchpoint')
    body = <TouchpointInspector tp={snapshot.touchpoints[selection.id]} snapshot={snapshot} />
  } else if (selection?.kind === 'persona' && snapshot.personas[selection.id]) {
    title = t('common.persona')
    body = <PersonaInspector persona={snapshot.personas[selection.id]} snapshot={snapshot} />
  } else if (selection?.kind === 'stage' && snapshot.stages[selection.id]) {
    title = t('common.stage')
    body = <StageInspector stage={snapshot.stages[selection.id]} snapshot={snapshot} />
  } else if (selection?.kind === 'phase') {
    const phase = selection.id.slice('phase:'.length) as Phase
    title = t('common.phase')
    body = (
      <>
        <p className="lead">{phaseName(phase, snapshot.meta.locale)}</p>
        <NotesAndComments targetId={selection.id} />
      </>
    )
  } else if (selection?.kind === 'cell' && snapshot.stages[selection.stageId] && snapshot.personas[selection.personaId]) {
    title = t('inspector.cell')
    body = <CellInspector stageId={selection.stageId as StageId} personaId={selection.personaId as PersonaId} snapshot={snapshot} />
  } else if (selection?.kind === 'link' && snapshot.links[selection.id]) {
    title = t('inspector.link')
    body = <LinkInspector id={selection.id as LinkId} snapshot={snapshot} />
  } else {
    body = <MapInspector snapshot={snapshot} />
  }
  return (
    <aside className="inspector" aria-label={t('inspector.label')}>
      <VotingPanel />
      <h2 className="inspector-title">{title}</h2>
      {body}
    </aside>
  )
}

function MapInspector({ snapshot }: { snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  return (
    <>
      <TextField label={t('common.description')} multiline maxLength={20000} value={snapshot.meta.description} editKey={{ id: 'meta', field: 'description' }} disabled={readOnly} onCommit={(description) => setMeta(doc, { description })} />
      <div className="field">
        <label htmlFor="map-locale">{t('inspector.mapLanguage')}</label>
        <select id="map-locale" value={snapshot.meta.locale} disabled={readOnly} onChange={(e) => setMeta(doc, { locale: e.target.value })}>
          {UI_LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <Section title={t('inspector.howTo')}>
        <ul className="help">
          <li>{richMessage(t('inspector.help.add'), { key: <kbd>N</kbd> })}</li>
          <li>{richMessage(t('inspector.help.rename'), { key: <kbd>Enter</kbd> })}</li>
          <li>{t('inspector.help.drag')}</li>
          <li>{richMessage(t('inspector.help.arrows'), { key: <kbd>Delete</kbd> })}</li>
          <li>
            {richMessage(t('inspector.help.undo'), {
              keys: (
                <>
                  <kbd>Ctrl</kbd>+<kbd>Z</kbd>
                </>
              ),
            })}
          </li>
        </ul>
      </Section>
    </>
  )
}

function TouchpointInspector({ tp, snapshot }: { tp: Touchpoint; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const t = useT()
  const [linkTarget, setLinkTarget] = useState('')
  // Channel and department suggestions become map content, so they come in the map's language.
  const mapLocale = snapshot.meta.locale
  const set = (patch: Partial<Touchpoint>) => updateTouchpoint(doc, tp.id, patch)
  const others = useMemo(() => Object.values(snapshot.touchpoints).filter((t) => t.id !== tp.id).sort((a, b) => a.title.localeCompare(b.title)), [snapshot.touchpoints, tp.id])
  const links = Object.values(snapshot.links).filter((l) => l.from === tp.id || l.to === tp.id)
  const stage = snapshot.stages[tp.stageId]
  const persona = snapshot.personas[tp.personaId]
  return (
    <>
      <p className="crumb">
        {stage ? `${phaseName(stage.phase, snapshot.meta.locale)} › ${stage.title}` : t('inspector.unplaced')} · {persona?.name ?? '—'}
      </p>
      <TextField label={t('common.title')} value={tp.title} editKey={{ id: tp.id, field: 'title' }} disabled={readOnly} onCommit={(title) => set({ title })} />
      <TextField label={t('common.description')} multiline maxLength={20000} value={tp.description} editKey={{ id: tp.id, field: 'description' }} disabled={readOnly} onCommit={(description) => set({ description })} />
      <div className="field-row">
        <TextField label={t('inspector.channel')} value={tp.channel} editKey={{ id: tp.id, field: 'channel' }} list="channel-options" maxLength={100} disabled={readOnly} onCommit={(channel) => set({ channel })} />
        <TextField label={t('common.ownerDepartment')} value={tp.owner} editKey={{ id: tp.id, field: 'owner' }} list="department-options" maxLength={200} disabled={readOnly} onCommit={(owner) => set({ owner })} />
      </div>
      <datalist id="channel-options">
        {CHANNELS.map((c) => (
          <option key={c} value={translate(mapLocale, `channel.${c}`)} />
        ))}
      </datalist>
      <datalist id="department-options">
        {DEPARTMENTS.map((d) => (
          <option key={d} value={translate(mapLocale, d)} />
        ))}
      </datalist>
      <fieldset className="emotion-picker" disabled={readOnly}>
        <legend>{t('inspector.emotion')}</legend>
        {EMOTIONS.map((v) => (
          <label key={String(v)} className={tp.emotion === v ? 'is-checked' : undefined}>
            <input type="radio" name={`emotion-${tp.id}`} checked={tp.emotion === v} onChange={() => set({ emotion: v })} />
            <span>{v === null ? t('emotion.notScored') : `${v > 0 ? '+' : ''}${v} ${t(`emotion.${v}`)}`}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`priority-${tp.id}`}>{t('inspector.priority')}</label>
        <select id={`priority-${tp.id}`} value={tp.priority ?? ''} disabled={readOnly} onChange={(e) => set({ priority: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('common.none')}</option>
          {[1, 2, 3, 4, 5].map((p) => (
            <option key={p} value={p}>
              {p === 1 ? t('inspector.priorityHighest', { n: p }) : p === 5 ? t('inspector.priorityLowest', { n: p }) : p}
            </option>
          ))}
        </select>
      </div>
      <Section title={t('common.metrics')}>
        <TouchpointMetrics tp={tp} />
      </Section>
      <NotesAndComments targetId={tp.id} />
      <Section title={t('common.links')}>
        <ul className="links-list">
          {links.map((l) => {
            const other = snapshot.touchpoints[l.from === tp.id ? l.to : l.from]
            return (
              <li key={l.id}>
                <span>
                  {l.from === tp.id ? '→' : '←'} {other?.title ?? t('inspector.deletedCard')}
                  {l.label && <em> ({l.label})</em>}
                </span>
                {!readOnly && (
                  <button type="button" className="link-button danger" onClick={() => deleteLink(doc, l.id)} aria-label={t('inspector.removeLinkTo', { title: other?.title ?? t('inspector.deletedCard') })}>
                    {t('common.remove')}
                  </button>
                )}
              </li>
            )
          })}
        </ul>
        {!readOnly && others.length > 0 && (
          <div className="field-inline">
            <label htmlFor={`link-${tp.id}`} className="visually-hidden">
              {t('inspector.linkToTouchpoint')}
            </label>
            <select id={`link-${tp.id}`} value={linkTarget} onChange={(e) => setLinkTarget(e.target.value)}>
              <option value="">{t('inspector.linkTo')}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title || t('common.untitled')}
                </option>
              ))}
            </select>
            <button type="button" disabled={!linkTarget} onClick={() => (linkTouchpoints(doc, tp.id, linkTarget as TouchpointId), setLinkTarget(''))}>
              {t('common.link')}
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
          {t('inspector.deleteTouchpoint')}
        </button>
      )}
    </>
  )
}

function PersonaInspector({ persona, snapshot }: { persona: Persona; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const t = useT()
  const ordered = sortedPersonas(snapshot)
  const index = ordered.findIndex((p) => p.id === persona.id)
  return (
    <>
      <TextField label={t('common.name')} value={persona.name} editKey={{ id: persona.id, field: 'name' }} disabled={readOnly} onCommit={(name) => updatePersona(doc, persona.id, { name })} />
      <TextField label={t('common.description')} multiline maxLength={20000} value={persona.description} editKey={{ id: persona.id, field: 'description' }} disabled={readOnly} placeholder={t('inspector.personaPlaceholder')} onCommit={(description) => updatePersona(doc, persona.id, { description })} />
      <div className="field">
        <label htmlFor={`color-${persona.id}`}>{t('inspector.colour')}</label>
        <input id={`color-${persona.id}`} type="color" value={persona.color} disabled={readOnly} onChange={(e) => updatePersona(doc, persona.id, { color: e.target.value })} />
      </div>
      {!readOnly && (
        <div className="button-row">
          <button type="button" disabled={index <= 0} onClick={() => movePersona(doc, persona.id, index - 1)}>
            {t('common.moveUp')}
          </button>
          <button type="button" disabled={index >= ordered.length - 1} onClick={() => movePersona(doc, persona.id, index + 1)}>
            {t('common.moveDown')}
          </button>
        </div>
      )}
      <NotesAndComments targetId={persona.id} />
      {!readOnly && (
        <button
          type="button"
          className="danger wide"
          onClick={() => {
            if (confirm(t('inspector.confirmDeletePersona', { name: persona.name || t('inspector.thisPersona') }))) {
              deletePersona(doc, persona.id)
              select(null)
            }
          }}
        >
          {t('inspector.deletePersona')}
        </button>
      )}
    </>
  )
}

function StageInspector({ stage, snapshot }: { stage: Stage; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const t = useT()
  const siblings = stagesInPhase(snapshot, stage.phase)
  const index = siblings.findIndex((s) => s.id === stage.id)
  return (
    <>
      <TextField label={t('inspector.stageTitle')} value={stage.title} editKey={{ id: stage.id, field: 'title' }} disabled={readOnly} onCommit={(title) => renameStage(doc, stage.id, title)} />
      <div className="field">
        <label htmlFor={`phase-${stage.id}`}>{t('common.phase')}</label>
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
            {t('common.moveLeft')}
          </button>
          <button type="button" disabled={index >= siblings.length - 1} onClick={() => moveStage(doc, stage.id, { phase: stage.phase, index: index + 1 })}>
            {t('common.moveRight')}
          </button>
        </div>
      )}
      <NotesAndComments targetId={stage.id} />
      {!readOnly && (
        <button
          type="button"
          className="danger wide"
          onClick={() => {
            if (confirm(t('inspector.confirmDeleteStage', { title: stage.title || '' }))) {
              deleteStage(doc, stage.id)
              select(null)
            }
          }}
        >
          {t('inspector.deleteStage')}
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
  const t = useT()
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
            const id = addTouchpoint(doc, { stageId, personaId, title: translate(snapshot.meta.locale, 'newRecord.touchpoint') })
            select({ kind: 'touchpoint', id })
            startEditingTitle(id)
          }}
        >
          {t('inspector.addTouchpointHere')}
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
  const t = useT()
  return (
    <>
      <p className="crumb">
        {snapshot.touchpoints[link.from]?.title} → {snapshot.touchpoints[link.to]?.title}
      </p>
      <TextField label={t('inspector.linkLabel')} value={link.label} editKey={{ id, field: 'label' }} disabled={readOnly} onCommit={(label) => relabelLink(doc, id, label)} />
      {!readOnly && (
        <button
          type="button"
          className="danger wide"
          onClick={() => {
            deleteLink(doc, id)
            select(null)
          }}
        >
          {t('inspector.deleteLink')}
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
      const id = addStage(doc, { phase, title: translate(useJourneyStore.getState().snapshot.meta.locale, 'newRecord.stage') })
      select({ kind: 'stage', id })
    },
    addPersona() {
      const id = addPersona(doc, { name: translate(useJourneyStore.getState().snapshot.meta.locale, 'newRecord.persona') })
      select({ kind: 'persona', id })
    },
  }
}

/** What hangs on any record: its annotations of every kind, and the comment threads on it. */
function NotesAndComments({ targetId }: { targetId: string }) {
  const t = useT()
  return (
    <>
      <Section title={t('common.annotations')}>
        <AnnotationList targetId={targetId} />
      </Section>
      <Section title={t('common.comments')}>
        <CommentThreads targetId={targetId} />
      </Section>
    </>
  )
}
