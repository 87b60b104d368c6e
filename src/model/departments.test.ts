import { describe, expect, it } from 'vitest'
import { getTemplate } from '../templates'
import { departmentKey, listDepartments } from './departments'

describe('departments', () => {
  it('lists every owner on the map once, with its touchpoints, blueprint items, pain points, unmet needs and actions', () => {
    const snapshot = getTemplate('karoline-car-service-nb')!.build()
    const departments = listDepartments(snapshot)
    const names = departments.map((d) => d.name)
    expect(new Set(names.map(departmentKey)).size).toBe(names.length)
    const owners = new Set([...Object.values(snapshot.touchpoints), ...Object.values(snapshot.blueprintItems)].map((r) => departmentKey(r.owner)))
    expect(new Set(names.map(departmentKey))).toEqual(owners)
    const finance = departments.find((d) => d.name === 'Økonomi')!
    expect(finance.touchpoints.map((t) => t.owner)).toEqual(['Økonomi', 'Økonomi'])
    expect(finance.blueprintItems.map((i) => i.title)).toContain('Fakturering per post en uke etter besøket')
    for (const a of finance.painPoints) expect(a.kind).toBe('pain-point')
    // Every pain point on a card is counted under the card's department.
    const pains = Object.values(snapshot.annotations).filter((a) => a.kind === 'pain-point' && snapshot.touchpoints[a.targetId as never])
    expect(departments.reduce((n, d) => n + d.painPoints.length, 0)).toBe(pains.length)
    expect(departments.reduce((n, d) => n + d.unmetNeeds.length, 0)).toBeGreaterThan(0)
  })

  it('reads " verksted" and "Verksted" as one department', () => {
    expect(departmentKey(' verksted')).toBe(departmentKey('Verksted'))
  })
})
