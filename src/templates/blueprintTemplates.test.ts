import { describe, expect, it } from 'vitest'
import { BLUEPRINT_LANES, computeGridLayout } from '../model'
import { getTemplate, TEMPLATES } from '.'

describe('the service blueprint in the Karoline templates', () => {
  it.each([
    ['karoline-car-service-nb', ['kan ikke bestille service og dekkskifte samtidig', 'Sentralbordet', '10 dager', 'eksternt bilutleiefirma', '100 m', 'Kortterminal', 'per post en uke']],
    ['karoline-car-service-en', ['cannot book service and tyre change together', 'switchboard', '10 days', 'third party', '100 m', 'card terminal', 'by post a week']],
  ])('%s holds the article’s blueprint in every lane, each item serving a touchpoint of the map', (id, facts) => {
    const snapshot = getTemplate(id)!.build()
    const items = Object.values(snapshot.blueprintItems)
    expect(items).toHaveLength(12)
    expect(new Set(items.map((i) => i.lane))).toEqual(new Set(BLUEPRINT_LANES))
    const text = items.map((i) => `${i.title} ${i.description}`).join(' | ').toLowerCase()
    for (const fact of facts) expect(text, fact).toContain(fact.toLowerCase())
    for (const item of items) {
      expect(item.owner, item.title).not.toBe('')
      expect(item.touchpointIds.length, item.title).toBeGreaterThan(0)
      for (const tp of item.touchpointIds) expect(snapshot.touchpoints[tp], item.title).toBeDefined()
    }
    // Owners speak the map's departments, so the department view groups them with the cards.
    const cardOwners = new Set(Object.values(snapshot.touchpoints).map((t) => t.owner))
    expect(items.filter((i) => !cardOwners.has(i.owner)).map((i) => i.owner)).toEqual([])
    expect(computeGridLayout(snapshot, { blueprint: true }).blueprintItems).toHaveLength(12)
  })

  it.each(TEMPLATES.filter((t) => t.id.startsWith('karoline-to-be-')).map((t) => [t.id] as const))('%s has the backstage its strategy implies', (id) => {
    const snapshot = getTemplate(id)!.build()
    const items = Object.values(snapshot.blueprintItems)
    expect(items.filter((i) => i.lane === 'backstage').length).toBeGreaterThan(0)
    for (const item of items) for (const tp of item.touchpointIds) expect(snapshot.touchpoints[tp], item.title).toBeDefined()
  })
})
