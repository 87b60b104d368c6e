import * as Y from 'yjs'
import { DEFAULT_WORKSHOP, restoreWorkshop, type WorkshopState } from '../model'
import { flatMapToPlain } from './schema'

/** The flat `workshop` map: `locked`, `timer`, `voting`. Written by facilitators only. */
export function getWorkshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('workshop')
}

export function readWorkshop(doc: Y.Doc): WorkshopState {
  const map = getWorkshopMap(doc)
  return map.size === 0 ? DEFAULT_WORKSHOP : restoreWorkshop(flatMapToPlain(map))
}

/** Call `onChange` with the workshop state whenever it changes; returns the unsubscribe. */
export function observeWorkshop(doc: Y.Doc, onChange: (state: WorkshopState) => void): () => void {
  const map = getWorkshopMap(doc)
  const handler = () => onChange(readWorkshop(doc))
  map.observe(handler)
  return () => map.unobserve(handler)
}
