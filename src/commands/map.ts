import * as Y from 'yjs'
import { COLLECTIONS, defaultMeta, MAP_VARIANTS, PHASES, restoreMeta, type AnyRecord, type Meta, type Snapshot } from '../model'
import { getCollection, getMetaMap, isEmptyDoc, recordToYMap, toDocValue, writeSnapshot } from '../doc'
import { deleteWithDependents } from './cascade'
import { addPersona } from './personas'
import { addStage } from './stages'
import { CommandError, transactLocal } from './transact'

const STARTER: Record<string, { persona: string; stages: Record<(typeof PHASES)[number], string> }> = {
  en: { persona: 'Customer', stages: { before: 'Awareness', during: 'Purchase', after: 'Use' } },
  da: { persona: 'Kunde', stages: { before: 'Opmærksomhed', during: 'Køb', after: 'Brug' } },
  sv: { persona: 'Kund', stages: { before: 'Medvetenhet', during: 'Köp', after: 'Användning' } },
  nb: { persona: 'Kunde', stages: { before: 'Oppmerksomhet', during: 'Kjøp', after: 'Bruk' } },
}

/**
 * Lay out a new, empty map: the three phases with a starter stage each and one persona.
 * Runs as a plain (untracked) transaction so the first undo cannot erase the map's skeleton.
 */
export function initializeMap(doc: Y.Doc, input: { title: string; locale?: string; description?: string }): void {
  if (!isEmptyDoc(doc)) throw new CommandError('map-not-empty', 'the map is not empty')
  const locale = input.locale ?? 'en'
  const starter = STARTER[locale] ?? STARTER.en
  doc.transact(() => {
    const meta = getMetaMap(doc)
    for (const [k, v] of Object.entries(defaultMeta({ title: input.title, locale, description: input.description ?? '' }))) meta.set(k, v)
    for (const phase of PHASES) addStage(doc, { phase, title: starter.stages[phase] })
    addPersona(doc, { name: starter.persona })
  })
}

/** Fill an empty document from a validated snapshot (a template or an imported file). */
export function loadIntoEmptyMap(doc: Y.Doc, snapshot: Snapshot): void {
  if (!isEmptyDoc(doc)) throw new CommandError('map-not-empty', 'the map is not empty')
  writeSnapshot(doc, snapshot)
}

export function setMeta(doc: Y.Doc, patch: Partial<Pick<Meta, 'title' | 'description' | 'locale'>>): void {
  transactLocal(doc, () => {
    const meta = getMetaMap(doc)
    const fields = Object.entries(patch).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    // Check every field before writing any: a refused edit must write nothing at all.
    const { errors } = restoreMeta(Object.fromEntries(fields))
    if (errors.length) throw new CommandError('invalid', errors.map((e) => `${e.path.replace(/^meta\./, '')}: ${e.message}`).join('\n'))
    for (const [k, v] of fields) if (meta.get(k) !== v) meta.set(k, v)
  })
}

/**
 * Say which side of an as-is/to-be pair this map is and which server map is its other side.
 * A to-be names its as-is; the as-is, once duplicated, names its to-be.
 */
export function setMapVariant(doc: Y.Doc, patch: Partial<Pick<Meta, 'variant' | 'asIsMapId' | 'toBeMapId'>>): void {
  transactLocal(doc, () => {
    if (patch.variant !== undefined && !MAP_VARIANTS.includes(patch.variant)) throw new CommandError('invalid', `variant: expected ${MAP_VARIANTS.join(' | ')}`)
    const { errors } = restoreMeta(patch)
    if (errors.length) throw new CommandError('invalid', errors.map((e) => `${e.path.replace(/^meta\./, '')}: ${e.message}`).join('\n'))
    const meta = getMetaMap(doc)
    for (const [k, v] of Object.entries(patch)) if (v !== undefined && meta.get(k) !== v) meta.set(k, v)
  })
}

/** Delete any mix of records (a multi-selection) with their dependents, as one undo step. */
export function deleteRecords(doc: Y.Doc, ids: string[]): void {
  transactLocal(doc, () => void deleteWithDependents(doc, ids))
}

/**
 * Make the document's content equal `target` (a version being restored) by writing the
 * differences as ordinary new changes in one local transaction: nobody's history is rewritten,
 * everyone sees the restore arrive live, and one undo takes it back.
 */
export function replaceContent(doc: Y.Doc, target: Snapshot): void {
  transactLocal(doc, () => {
    const meta = getMetaMap(doc)
    for (const key of ['title', 'description', 'locale'] as const) if (meta.get(key) !== target.meta[key]) meta.set(key, target.meta[key])
    for (const name of COLLECTIONS) {
      const ymap = getCollection(doc, name)
      const wanted = target[name] as Record<string, AnyRecord>
      for (const id of [...ymap.keys()]) if (!Object.hasOwn(wanted, id)) ymap.delete(id)
      for (const record of Object.values(wanted)) {
        const existing = ymap.get(record.id)
        if (!existing) {
          ymap.set(record.id, recordToYMap(name, record))
          continue
        }
        for (const [field, value] of Object.entries(record)) {
          const current = existing.get(field)
          if (current instanceof Y.Map) {
            // Votes and sets of ids: write the entries that differ, never the whole map.
            const next: Record<string, unknown> = Array.isArray(value) ? Object.fromEntries(value.map((id: string) => [id, true])) : (value as Record<string, unknown>)
            for (const k of [...current.keys()]) if (!Object.hasOwn(next, k)) current.delete(k)
            for (const [k, v] of Object.entries(next)) if (current.get(k) !== v) current.set(k, v)
          } else if (current !== value) existing.set(field, toDocValue(name, field, value))
        }
      }
    }
  })
}
