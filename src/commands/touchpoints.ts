import * as Y from 'yjs'
import { createId, METRICS_UNSET, type PersonaId, type StageId, type Touchpoint, type TouchpointId } from '../model'
import { deleteWithDependents } from './cascade'
import { CommandError, getRecord, insertRecord, listRecords, orderAt, patchRecord, requireRecord, transactLocal } from './transact'

export type TouchpointMetrics = Pick<Touchpoint, 'nps' | 'npsTarget' | 'ces' | 'cesTarget' | 'csat' | 'csatTarget'>
export type TouchpointFields = Pick<Touchpoint, 'title' | 'description' | 'channel' | 'owner' | 'emotion' | 'priority'> & TouchpointMetrics

function inCell(doc: Y.Doc, stageId: string, personaId: string) {
  return listRecords(doc, 'touchpoints', (t) => t.stageId === stageId && t.personaId === personaId)
}

/** Create a touchpoint in the cell (stage × persona), at the end of the cell unless `index` says where. */
export function addTouchpoint(
  doc: Y.Doc,
  input: { stageId: StageId; personaId: PersonaId; index?: number; id?: TouchpointId } & Partial<TouchpointFields>,
): TouchpointId {
  return transactLocal(doc, () => {
    if (!getRecord(doc, 'stages', input.stageId)) throw new CommandError('not-found', `stageId: no stage ${JSON.stringify(input.stageId)}`)
    if (!getRecord(doc, 'personas', input.personaId)) throw new CommandError('not-found', `personaId: no persona ${JSON.stringify(input.personaId)}`)
    const id = input.id ?? createId('touchpoint')
    insertRecord(doc, 'touchpoints', {
      id,
      stageId: input.stageId,
      personaId: input.personaId,
      title: input.title ?? '',
      description: input.description ?? '',
      channel: input.channel ?? '',
      owner: input.owner ?? '',
      emotion: input.emotion ?? null,
      priority: input.priority ?? null,
      ...METRICS_UNSET,
      ...definedOnly(pickMetrics(input)),
      order: orderAt(inCell(doc, input.stageId, input.personaId), input.index),
    })
    return id
  })
}

/** Set any of title, description, channel, owner, emotion (−2..2 or null), priority (1..5 or null). */
export function updateTouchpoint(doc: Y.Doc, id: TouchpointId, patch: Partial<TouchpointFields>): void {
  transactLocal(doc, () => void patchRecord(doc, 'touchpoints', id, patch))
}

/**
 * Set measured NPS (−100..100), CES (1..7), CSAT (0..100 %) and their targets; null clears one.
 * Only the given fields are written, so two analysts entering different figures keep both.
 */
export function setTouchpointMetrics(doc: Y.Doc, id: TouchpointId, metrics: Partial<TouchpointMetrics>): void {
  updateTouchpoint(doc, id, definedOnly(pickMetrics(metrics)))
}

function pickMetrics(input: Partial<TouchpointMetrics>): Partial<TouchpointMetrics> {
  const { nps, npsTarget, ces, cesTarget, csat, csatTarget } = input
  return { nps, npsTarget, ces, cesTarget, csat, csatTarget }
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>
}

export function setEmotion(doc: Y.Doc, id: TouchpointId, emotion: number | null): void {
  updateTouchpoint(doc, id, { emotion })
}

export function setPriority(doc: Y.Doc, id: TouchpointId, priority: number | null): void {
  updateTouchpoint(doc, id, { priority })
}

/**
 * Move a touchpoint to a cell (its own, to reorder) at `index` there. Also places an unplaced
 * touchpoint whose stage or persona was deleted by someone else.
 */
export function moveTouchpoint(doc: Y.Doc, id: TouchpointId, to: { stageId: StageId; personaId: PersonaId; index?: number }): void {
  transactLocal(doc, () => {
    requireRecord(doc, 'touchpoints', id)
    if (!getRecord(doc, 'stages', to.stageId)) throw new CommandError('not-found', `stageId: no stage ${JSON.stringify(to.stageId)}`)
    if (!getRecord(doc, 'personas', to.personaId)) throw new CommandError('not-found', `personaId: no persona ${JSON.stringify(to.personaId)}`)
    const order = orderAt(inCell(doc, to.stageId, to.personaId), to.index, id)
    patchRecord(doc, 'touchpoints', id, { stageId: to.stageId, personaId: to.personaId, order })
  })
}

/** Delete touchpoints with their annotations, links and comments. */
export function deleteTouchpoints(doc: Y.Doc, ids: TouchpointId[]): void {
  transactLocal(doc, () => void deleteWithDependents(doc, ids))
}

export function deleteTouchpoint(doc: Y.Doc, id: TouchpointId): void {
  deleteTouchpoints(doc, [id])
}
