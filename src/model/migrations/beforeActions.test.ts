/**
 * The action plan, promises, metrics and evidence were added to schema v1 without a version bump
 * (DESIGN.md: readers ignore what they don't know; later collections follow the same pattern).
 * A file written before they existed must still import, open and export, gaining only empty
 * collections and null defaults.
 */
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readSnapshot, writeSnapshot } from '../../doc'
import { parseJourneyJson, toJourneyJson } from '../journeyJson'

const fixture = readFileSync(new URL('./fixtures/v1-before-actions.json', import.meta.url), 'utf8')

describe('a v1 file from before actions, promises and metrics', () => {
  it('imports through the v1 → v2 step, which changes nothing in the file’s shape', () => {
    const parsed = parseJourneyJson(fixture)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.migrated).toEqual(['1→2 sets-of-ids-merge'])
  })

  it('opens (written into a Y.Doc and read back) with empty collections and null defaults', () => {
    const parsed = parseJourneyJson(fixture)
    if (!parsed.ok) throw new Error('fixture must parse')
    const doc = new Y.Doc()
    writeSnapshot(doc, parsed.snapshot)
    const opened = readSnapshot(doc)

    expect(opened.actions).toEqual({})
    expect(opened.promises).toEqual({})
    expect(opened.servicePriorities).toEqual({})
    expect(opened.touchpoints['touchpoint:ring']).toMatchObject({ nps: null, npsTarget: null, ces: null, cesTarget: null, csat: null, csatTarget: null, emotion: -2 })
    expect(opened.annotations['annotation:kø']).toMatchObject({ evidence: null, impact: null, effort: null, votes: { p1: 2 } })
    expect(opened.meta).toMatchObject({ variant: 'as-is', asIsMapId: '', toBeMapId: '', title: 'Skadesanmeldelse – bilforsikring' })
  })

  it('re-exports as schemaVersion 2 with the new, empty collections and every old record intact', () => {
    const parsed = parseJourneyJson(fixture)
    if (!parsed.ok) throw new Error('fixture must parse')
    const doc = new Y.Doc()
    writeSnapshot(doc, parsed.snapshot)
    const exported = toJourneyJson(readSnapshot(doc))

    expect(exported.schemaVersion).toBe(2)
    expect(exported.actions).toEqual([])
    expect(exported.promises).toEqual([])
    expect(exported.servicePriorities).toEqual([])
    const old = JSON.parse(fixture)
    for (const collection of ['personas', 'stages', 'touchpoints', 'annotations', 'links', 'comments'] as const) {
      expect(exported[collection]).toHaveLength(old[collection].length)
      for (const record of old[collection]) expect(exported[collection]).toContainEqual(expect.objectContaining(record))
    }
    // And the re-export reads back to the same map.
    const again = parseJourneyJson(JSON.stringify(exported))
    expect(again.ok && toJourneyJson(again.snapshot)).toEqual(exported)
  })
})
