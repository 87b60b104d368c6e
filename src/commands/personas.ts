import * as Y from 'yjs'
import { createId, defaultPersonaColor, type Persona, type PersonaId } from '../model'
import { deleteWithDependents } from './cascade'
import { insertRecord, listRecords, orderAt, patchRecord, requireRecord, transactLocal } from './transact'

/** Add a persona swimlane, at the end unless `index` says where. */
export function addPersona(doc: Y.Doc, input: { name: string; description?: string; color?: string; index?: number; id?: PersonaId }): PersonaId {
  return transactLocal(doc, () => {
    const siblings = listRecords(doc, 'personas')
    const id = input.id ?? createId('persona')
    insertRecord(doc, 'personas', {
      id,
      name: input.name,
      description: input.description ?? '',
      color: input.color ?? defaultPersonaColor(siblings.length),
      order: orderAt(siblings, input.index),
    })
    return id
  })
}

export function updatePersona(doc: Y.Doc, id: PersonaId, patch: Partial<Pick<Persona, 'name' | 'description' | 'color'>>): void {
  transactLocal(doc, () => void patchRecord(doc, 'personas', id, patch))
}

export function renamePersona(doc: Y.Doc, id: PersonaId, name: string): void {
  updatePersona(doc, id, { name })
}

/** Move a swimlane to `index` among the others. */
export function movePersona(doc: Y.Doc, id: PersonaId, index: number): void {
  transactLocal(doc, () => {
    requireRecord(doc, 'personas', id)
    patchRecord(doc, 'personas', id, { order: orderAt(listRecords(doc, 'personas'), index, id) })
  })
}

/** Delete a persona with its touchpoints and everything annotated on them. */
export function deletePersona(doc: Y.Doc, id: PersonaId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}
