import * as Y from 'yjs'
import { createId, type BlueprintItem, type BlueprintItemId, type BlueprintLane, type StageId, type TouchpointId } from '../model'
import { deleteWithDependents } from './cascade'
import { CommandError, getRecord, insertRecord, listRecords, orderAt, patchRecord, requireRecord, transactLocal } from './transact'

export type BlueprintItemFields = Pick<BlueprintItem, 'title' | 'description' | 'owner'>

function inBlueprintCell(doc: Y.Doc, stageId: string, lane: BlueprintLane) {
  return listRecords(doc, 'blueprintItems', (item) => item.stageId === stageId && item.lane === lane)
}

function requireStage(doc: Y.Doc, stageId: StageId): void {
  if (!getRecord(doc, 'stages', stageId)) throw new CommandError('not-found', `stageId: no stage ${JSON.stringify(stageId)}`)
}

/**
 * Add a blueprint item to a lane of a stage column, at the end of that cell unless `index` says
 * where; it may start linked to the touchpoints it serves.
 */
export function addBlueprintItem(
  doc: Y.Doc,
  input: { lane: BlueprintLane; stageId: StageId; index?: number; id?: BlueprintItemId; touchpointIds?: TouchpointId[] } & Partial<BlueprintItemFields>,
): BlueprintItemId {
  return transactLocal(doc, () => {
    requireStage(doc, input.stageId)
    for (const tp of input.touchpointIds ?? []) if (!getRecord(doc, 'touchpoints', tp)) throw new CommandError('not-found', `touchpointIds: no touchpoint ${JSON.stringify(tp)}`)
    const id = input.id ?? createId('blueprint-item')
    insertRecord(doc, 'blueprintItems', {
      id,
      lane: input.lane,
      stageId: input.stageId,
      title: input.title ?? '',
      description: input.description ?? '',
      owner: input.owner ?? '',
      touchpointIds: [...new Set(input.touchpointIds ?? [])],
      order: orderAt(inBlueprintCell(doc, input.stageId, input.lane), input.index),
    })
    return id
  })
}

/** Set any of title, description and owning department; only the given fields are written. */
export function updateBlueprintItem(doc: Y.Doc, id: BlueprintItemId, patch: Partial<BlueprintItemFields>): void {
  transactLocal(doc, () => void patchRecord(doc, 'blueprintItems', id, patch))
}

/**
 * Move an item to a lane of a stage column (its own, to reorder) at `index` there. Also places an
 * unplaced item whose stage someone else deleted.
 */
export function moveBlueprintItem(doc: Y.Doc, id: BlueprintItemId, to: { lane: BlueprintLane; stageId: StageId; index?: number }): void {
  transactLocal(doc, () => {
    requireRecord(doc, 'blueprintItems', id)
    requireStage(doc, to.stageId)
    const order = orderAt(inBlueprintCell(doc, to.stageId, to.lane), to.index, id)
    patchRecord(doc, 'blueprintItems', id, { lane: to.lane, stageId: to.stageId, order })
  })
}

/** Link a touchpoint the item serves; linking twice is a no-op. One set member is written, so a colleague's concurrent link survives. */
export function linkBlueprintTouchpoint(doc: Y.Doc, id: BlueprintItemId, touchpointId: TouchpointId): void {
  transactLocal(doc, () => {
    const current = requireRecord(doc, 'blueprintItems', id)
    if (!getRecord(doc, 'touchpoints', touchpointId)) throw new CommandError('not-found', `touchpointId: no touchpoint ${JSON.stringify(touchpointId)}`)
    if (!current.touchpointIds.includes(touchpointId)) patchRecord(doc, 'blueprintItems', id, { touchpointIds: [...current.touchpointIds, touchpointId] })
  })
}

export function unlinkBlueprintTouchpoint(doc: Y.Doc, id: BlueprintItemId, touchpointId: TouchpointId): void {
  transactLocal(doc, () => {
    const current = requireRecord(doc, 'blueprintItems', id)
    if (current.touchpointIds.includes(touchpointId)) patchRecord(doc, 'blueprintItems', id, { touchpointIds: current.touchpointIds.filter((t) => t !== touchpointId) })
  })
}

/** Delete an item; the touchpoints it served stay. */
export function deleteBlueprintItem(doc: Y.Doc, id: BlueprintItemId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}
