/**
 * Rebuild a document from stored rows without trusting them. A row that cannot be decoded, or
 * that breaks the document schema (stored before the relay checked, or by hand), is left out and
 * reported, so one bad row never stops a map from loading; the caller quarantines it.
 *
 * `judgeFirst`: the rows are a log's tail (its stored state was applied already), so the first
 * is judged like the rest.
 *
 * `checked` marks rows the caller itself judged before storing them (a room folding the rows it
 * appended): those are applied without a second judgement, which otherwise doubles what every
 * ordinary edit costs the relay. Rows it did not judge (another relay's, older ones) are judged.
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

export function replayStoredRows(doc: Y.Doc, updates: Uint8Array[], seqs: number[], checked?: readonly boolean[], { judgeFirst = false } = {}): BadRow[] {
  const bad: BadRow[] = []
  updates.forEach((update, i) => {
    try {
      if ((i > 0 || judgeFirst) && !checked?.[i]) {
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
