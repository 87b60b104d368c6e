/** Offline work for tests and benchmarks: cards made in a client's document while it is away. */
import * as Y from 'yjs'
import { addTouchpoint } from '../../src/commands'
import { readSnapshot, recordToYMap } from '../../src/doc'
import { createId, keysBetween, type AnyRecord, type PersonaId, type StageId } from '../../src/model'

/** `n` new cards, written as the app writes one (`addTouchpoint`'s fields), in one local transaction. */
export function makeCards(doc: Y.Doc, n: number): void {
  const s = readSnapshot(doc)
  const stageId = Object.keys(s.stages)[0] as StageId
  const personaId = Object.keys(s.personas)[0] as PersonaId
  const template = addTouchpoint(doc, { stageId, personaId, title: 'Kort 0 laget på flyet ✈️ æøå' })
  const fields = readSnapshot(doc).touchpoints[template]
  const orders = keysBetween(fields.order, null, n - 1)
  const touchpoints = doc.getMap('touchpoints')
  doc.transact(() => {
    for (let i = 1; i < n; i++) {
      const id = createId('touchpoint')
      touchpoints.set(id, recordToYMap('touchpoints', { ...fields, id, title: `Kort ${i} laget på flyet ✈️ æøå`, order: orders[i - 1] } as AnyRecord))
    }
  })
}
