/**
 * Rebuild a document from stored rows without trusting them. A row that cannot be decoded, or
 * that breaks the document schema (stored before the relay checked, or by hand), is left out and
 * reported, so one bad row never stops a map from loading; the caller quarantines it.
 *
 * The first row is exempt from the schema check: it is the map's creation state or a compacted
 * snapshot holding everything before it, and leaving it out would lose the map. Readers never
 * recurse into what it holds, so whatever it carries cannot break a load or an export.
 */
import * as Y from 'yjs'
import { analyzeUpdate } from './writePolicy'

export interface BadRow {
  seq: number
  reason: string
}

export function replayStoredRows(doc: Y.Doc, updates: Uint8Array[], seqs: number[]): BadRow[] {
  const bad: BadRow[] = []
  updates.forEach((update, i) => {
    try {
      if (i > 0) {
        const { violation } = analyzeUpdate(doc, update, { legacySets: true, relayWrites: true })
        if (violation) {
          bad.push({ seq: seqs[i], reason: `schema: ${violation}` })
          return
        }
      }
      Y.applyUpdate(doc, update)
    } catch (error) {
      bad.push({ seq: seqs[i], reason: `apply: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) })
    }
  })
  return bad
}
