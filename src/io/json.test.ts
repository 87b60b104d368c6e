import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isEmptyDoc, readSnapshot } from '../doc'
import { COLLECTIONS, stringifyJourneyJson, toJourneyJson, type Snapshot } from '../model'
import { getTemplate } from '../templates'
import { decodeImportBytes, importJourneyIntoDoc, parseImportBytes, readJourneyFile } from './json'
import { buildServiceVisitMap, EMOJI } from '../test/maps'

const utf8 = (text: string) => new TextEncoder().encode(text)

function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2)
  const view = new DataView(out.buffer)
  let at = 0
  if (bom) {
    view.setUint16(0, 0xfeff, true)
    at = 2
  }
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), true)
  return out
}

/** The map after an import into a fresh document, exported again. */
function reexport(text: string | Uint8Array): string {
  const doc = new Y.Doc()
  const result = importJourneyIntoDoc(doc, text)
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'))
  return stringifyJourneyJson(readSnapshot(doc))
}

describe('JSON export → import → export', () => {
  const { snapshot } = buildServiceVisitMap()
  const exported = stringifyJourneyJson(snapshot)

  it('is byte-identical, with æ ø å and emoji intact', () => {
    expect(reexport(exported)).toBe(exported)
    expect(reexport(utf8(exported))).toBe(exported)
    expect(exported).toContain('Karoline Ødegård')
    expect(exported).toContain(EMOJI)
  })

  it('is byte-identical for the car service template', () => {
    const car = getTemplate('karoline-car-service-nb')
    // A renamed template fails here rather than skipping what this test is for.
    expect(car, 'template karoline-car-service-nb').toBeDefined()
    const template = stringifyJourneyJson(car!.build())
    expect(reexport(template)).toBe(template)
  })

  it('reads files with a UTF-8 byte order mark and UTF-16 files with theirs', async () => {
    expect(reexport(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(exported)]))).toBe(exported)
    expect(reexport(utf16le(exported))).toBe(exported)
    const file = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), exported], { type: 'application/json' })
    const result = await readJourneyFile(file)
    expect(result.ok && stringifyJourneyJson(result.snapshot)).toBe(exported)
  })

  it('refuses bytes that are not UTF-8 instead of importing replacement characters', () => {
    const latin1 = new Uint8Array([...utf8('{"format":"journey-map","schemaVersion":1,"meta":{"title":"F'), 0xf8, ...utf8('r"}}')])
    expect(decodeImportBytes(latin1).ok).toBe(false)
    const result = parseImportBytes(latin1)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0].path).toBe('$')
  })

  it('names the path of each error and applies nothing', () => {
    const json = toJourneyJson(snapshot) as unknown as Record<string, Record<string, unknown>[]>
    json.touchpoints[2].emotion = 7
    json.personas[0].color = 'pink'
    const doc = new Y.Doc()
    const result = importJourneyIntoDoc(doc, JSON.stringify(json))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['touchpoints[2].emotion', 'personas[0].color']))
      expect(result.errors.find((e) => e.path === 'touchpoints[2].emotion')!.message).toMatch(/7/)
    }
    expect(isEmptyDoc(doc)).toBe(true)
  })

  it('never imports into a map that already has content', () => {
    const { doc } = buildServiceVisitMap()
    const before = stringifyJourneyJson(readSnapshot(doc))
    expect(importJourneyIntoDoc(doc, exported).ok).toBe(false)
    expect(stringifyJourneyJson(readSnapshot(doc))).toBe(before)
  })
})

describe('JSON import of malformed files (property-based)', () => {
  const valid = toJourneyJson(buildServiceVisitMap().snapshot) as unknown as Record<string, unknown>
  const collections = COLLECTIONS.filter((c) => Array.isArray(valid[c]) && (valid[c] as unknown[]).length > 0)

  /** Either a whole, consistent snapshot in the doc, or errors with paths and an empty doc. */
  function expectAllOrNothing(input: string | Uint8Array): void {
    const doc = new Y.Doc()
    let result: ReturnType<typeof importJourneyIntoDoc>
    expect(() => (result = importJourneyIntoDoc(doc, input))).not.toThrow()
    if (result!.ok) {
      expect(stringifyJourneyJson(readSnapshot(doc))).toBe(stringifyJourneyJson(result!.snapshot))
    } else {
      expect(result!.errors.length).toBeGreaterThan(0)
      for (const e of result!.errors) {
        expect(typeof e.path).toBe('string')
        expect(e.path.length).toBeGreaterThan(0)
        expect(typeof e.message).toBe('string')
      }
      expect(isEmptyDoc(doc)).toBe(true)
    }
  }

  type Mutation = (file: Record<string, unknown>) => void
  type Rec = Record<string, unknown>
  /** The record a mutation edits; a dummy when an earlier mutation already replaced the collection. */
  const recordAt = (file: Rec, c: number, r: number): { list: Rec[]; record: Rec } => {
    const list = file[collections[c % collections.length]]
    if (!Array.isArray(list) || list.length === 0) return { list: [], record: {} }
    const record = list[r % list.length]
    return { list, record: typeof record === 'object' && record !== null ? (record as Rec) : {} }
  }
  const fieldOf = (record: Rec, f: number) => Object.keys(record)[f % Math.max(1, Object.keys(record).length)] ?? 'id'
  const where = fc.tuple(fc.nat(), fc.nat(), fc.nat())

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    where.map(([c, r, f]) => (file: Record<string, unknown>) => {
      const { record } = recordAt(file, c, r)
      delete record[fieldOf(record, f)]
    }),
    fc.tuple(where, fc.jsonValue()).map(([[c, r, f], value]) => (file: Record<string, unknown>) => {
      const { record } = recordAt(file, c, r)
      record[fieldOf(record, f)] = value
    }),
    fc.tuple(fc.nat(), fc.integer({ min: -1000, max: 1000 })).map(([r, emotion]) => (file: Record<string, unknown>) => {
      recordAt(file, collections.indexOf('touchpoints'), r).record.emotion = emotion
    }),
    where.map(([c, r]) => (file: Record<string, unknown>) => {
      const { list, record } = recordAt(file, c, r)
      list.push(structuredClone(record)) // a duplicate id
    }),
    fc.tuple(where, fc.string({ unit: 'binary' })).map(([[c, r, f], garbage]) => (file: Record<string, unknown>) => {
      const { record } = recordAt(file, c, r)
      record[fieldOf(record, f)] = garbage
    }),
    fc.tuple(fc.constantFrom('format', 'schemaVersion', 'meta', ...COLLECTIONS), fc.jsonValue()).map(([key, value]) => (file: Record<string, unknown>) => {
      file[key] = value
    }),
  )

  it('never throws and never applies part of a mutated file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const file = structuredClone(valid)
        for (const m of mutations) m(file)
        expectAllOrNothing(JSON.stringify(file))
      }),
      { numRuns: 300 },
    )
  })

  it('never throws on a truncated file', () => {
    const text = JSON.stringify(valid)
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), (cut) => expectAllOrNothing(text.slice(0, cut))),
      { numRuns: 200 },
    )
  })

  it('never throws on arbitrary JSON or arbitrary bytes', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectAllOrNothing(JSON.stringify(value) ?? 'null')), { numRuns: 300 })
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => expectAllOrNothing(bytes)), { numRuns: 300 })
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => expectAllOrNothing(text)), { numRuns: 200 })
  })

  it('imports every valid map it exported, whatever the text in it', () => {
    const base: Snapshot = buildServiceVisitMap().snapshot
    const touchpointIds = Object.keys(base.touchpoints)
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.string({ unit: 'grapheme', maxLength: 80 })), { maxLength: 6 }), (edits) => {
        const touchpoints = { ...base.touchpoints }
        for (const [i, title] of edits) {
          const id = touchpointIds[i % touchpointIds.length]
          touchpoints[id] = { ...touchpoints[id], title }
        }
        const text = stringifyJourneyJson({ ...base, touchpoints })
        expect(reexport(text)).toBe(text)
      }),
      { numRuns: 100 },
    )
  })
})
