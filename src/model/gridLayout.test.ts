import { describe, expect, it } from 'vitest'
import { makePersona, makeSnapshot, makeStage, makeTouchpoint } from '../test/factories'
import { blueprintCellAt, cellAt, computeGridLayout, emotionCurve, GRID, neighbourItem, type BlueprintItem, type BlueprintLane, type PersonaId, type StageId, type TouchpointId } from '.'

const stage = (id: string, phase: 'before' | 'during' | 'after', order: string) => makeStage({ id: `stage:${id}` as StageId, phase, order, title: id })
const persona = (id: string, order: string) => makePersona({ id: `persona:${id}` as PersonaId, order, name: id })
const card = (id: string, stageId: string, personaId: string, order: string, emotion: number | null = null) =>
  makeTouchpoint({ id: `touchpoint:${id}` as TouchpointId, stageId: `stage:${stageId}` as StageId, personaId: `persona:${personaId}` as PersonaId, order, emotion })

// Columns: [b1 b2] [d1] [a1] (inserted out of order); lanes: karoline, bedrift.
const snapshot = makeSnapshot({
  stages: [stage('a1', 'after', 'a0'), stage('b2', 'before', 'a1'), stage('d1', 'during', 'a0'), stage('b1', 'before', 'a0')],
  personas: [persona('bedrift', 'a1'), persona('karoline', 'a0')],
  touchpoints: [card('k1', 'b1', 'karoline', 'a1', -1), card('k0', 'b1', 'karoline', 'a0', -2), card('k2', 'b1', 'karoline', 'a2', 0), card('x', 'd1', 'bedrift', 'a0', 2), card('lost', 'gone', 'karoline', 'a0')],
})
const layout = computeGridLayout(snapshot)
const box = (id: string) => layout.cards.find((c) => c.touchpoint.id === `touchpoint:${id}`)!

describe('grid layout', () => {
  it('orders columns by phase then stage order, and lanes by persona order', () => {
    expect(layout.columns.map((c) => c.stage.title)).toEqual(['b1', 'b2', 'd1', 'a1'])
    expect(layout.phases.map((p) => [p.phase, p.stageIds.length])).toEqual([['before', 2], ['during', 1], ['after', 1]])
    expect(layout.lanes.map((l) => l.persona.name)).toEqual(['karoline', 'bedrift'])
  })

  it('puts each card inside its cell, stacked by order', () => {
    const [b1] = layout.columns
    const [karoline, bedrift] = layout.lanes
    expect(['k0', 'k1', 'k2'].map((id) => box(id).index)).toEqual([0, 1, 2])
    for (const id of ['k0', 'k1', 'k2']) {
      const c = box(id)
      expect(c.x).toBeGreaterThanOrEqual(b1.x)
      expect(c.x + c.width).toBeLessThanOrEqual(b1.x + b1.width)
      expect(c.y).toBeGreaterThanOrEqual(karoline.y)
      expect(c.y + c.height).toBeLessThanOrEqual(karoline.y + karoline.height)
    }
    expect(box('k0').y).toBeLessThan(box('k1').y)
    expect(box('x').y).toBeGreaterThanOrEqual(bedrift.y)
  })

  it('leaves unplaced cards out of the grid', () => {
    const drawn: string[] = layout.cards.map((c) => c.touchpoint.id)
    expect(drawn.sort()).toEqual(['touchpoint:k0', 'touchpoint:k1', 'touchpoint:k2', 'touchpoint:x'])
  })

  it('grows a lane with its tallest cell, and never shrinks it below one card', () => {
    const [karoline, bedrift] = layout.lanes
    expect(karoline.height - bedrift.height).toBe(2 * (GRID.cardHeight + GRID.cardGap))
    const empty = computeGridLayout(makeSnapshot({ stages: [stage('b1', 'before', 'a0')], personas: [persona('p', 'a0')] }))
    expect(empty.lanes[0].height).toBe(bedrift.height)
  })

  it('keeps room for a phase with no stages', () => {
    const noDuring = computeGridLayout(makeSnapshot({ stages: [stage('b1', 'before', 'a0'), stage('a1', 'after', 'a0')], personas: [persona('p', 'a0')] }))
    expect(noDuring.phases[1]).toMatchObject({ phase: 'during', width: GRID.emptyPhaseWidth, stageIds: [] })
  })

  it('maps a point back to its cell and slot, and a point outside to nothing', () => {
    for (const id of ['k0', 'k1', 'k2', 'x']) {
      const c = box(id)
      expect(cellAt(layout, c.x + c.width / 2, c.y + c.height / 2)).toEqual({ stageId: c.touchpoint.stageId, personaId: c.touchpoint.personaId, index: c.index })
    }
    expect(cellAt(layout, 5, layout.gridTop + 5)).toBeNull() // the lane header
    expect(cellAt(layout, layout.columns[0].x + 5, layout.gridBottom + 5)).toBeNull() // the curves below
  })
})

describe('emotion curves', () => {
  it('draws one point per scored stage, the mean of the cell, higher on the canvas for better', () => {
    const [karoline, bedrift] = layout.curves
    expect(karoline.points.map((p) => [p.stageId, p.emotion, p.count])).toEqual([['stage:b1', -1, 3]])
    expect(bedrift.points.map((p) => [p.stageId, p.emotion])).toEqual([['stage:d1', 2]])
    // Each curve sits in its own row: −1 is below the row's middle line, +2 near its top.
    const fromMiddle = (row: typeof karoline, y: number) => y - (row.y + row.height / 2)
    expect(fromMiddle(karoline, karoline.points[0].y)).toBeGreaterThan(0)
    expect(fromMiddle(bedrift, bedrift.points[0].y)).toBeLessThan(0)
    expect(bedrift.points[0].y).toBeGreaterThan(bedrift.y)
    expect(karoline.points[0].x).toBe(layout.columns[0].x + GRID.columnWidth / 2)
  })

  it('draws the same points as the persona’s emotionCurve, from cells of several scored cards', () => {
    const scored = makeSnapshot({
      stages: [stage('b1', 'before', 'a0'), stage('d1', 'during', 'a0'), stage('a1', 'after', 'a0')],
      personas: [persona('karoline', 'a0'), persona('bedrift', 'a1')],
      touchpoints: [card('1', 'b1', 'karoline', 'a0', 2), card('2', 'b1', 'karoline', 'a1', -1), card('3', 'b1', 'karoline', 'a2', null), card('4', 'a1', 'karoline', 'a0', -2), card('5', 'd1', 'bedrift', 'a0', 1), card('6', 'a1', 'bedrift', 'a0', 0), card('7', 'gone', 'bedrift', 'a0', 2)],
    })
    const shown = computeGridLayout(scored)
    const stageIds = shown.columns.map((c) => c.stage.id)
    for (const curve of shown.curves) expect(curve.points.map(({ stageId, column, emotion, count }) => ({ stageId, column, emotion, count }))).toEqual(emotionCurve(scored, curve.persona.id, stageIds))
    expect(shown.curves[0].points.map((p) => p.emotion)).toEqual([0.5, -2])
  })
})

describe('grid layout: the service blueprint', () => {
  const item = (id: string, stageId: string, lane: BlueprintLane, order: string) =>
    ({ id: `blueprint-item:${id}`, lane, stageId: `stage:${stageId}`, title: id, description: '', owner: '', touchpointIds: [], order }) as unknown as BlueprintItem
  const withItems = { ...snapshot, blueprintItems: Object.fromEntries([item('f2', 'b1', 'frontstage', 'a1'), item('f1', 'b1', 'frontstage', 'a0'), item('s1', 'd1', 'support', 'a0')].map((i) => [i.id, i])) }

  it('draws no lanes when the viewer hides the blueprint, so the map is as it was', () => {
    const hidden = computeGridLayout(withItems)
    expect(hidden.blueprintLanes).toEqual([])
    expect(hidden.blueprintItems).toEqual([])
    expect(hidden.curves[0].y).toBe(layout.curves[0].y)
  })

  it('puts four lanes under the personas and above the curves, empty ones collapsed, with the three lines between', () => {
    const shown = computeGridLayout(withItems, { blueprint: true })
    expect(shown.blueprintLanes.map((l) => [l.lane, l.collapsed])).toEqual([
      ['evidence', true],
      ['frontstage', false],
      ['backstage', true],
      ['support', false],
    ])
    expect(shown.blueprintLanes[0].y).toBe(shown.gridBottom)
    const [evidence, frontstage, backstage, support] = shown.blueprintLanes
    expect(evidence.height).toBe(GRID.blueprintCollapsedHeight)
    expect(shown.blueprintLines).toEqual([
      { kind: 'interaction', y: frontstage.y },
      { kind: 'visibility', y: backstage.y },
      { kind: 'internal', y: support.y },
    ])
    expect(shown.curves[0].y).toBeGreaterThan(support.y + support.height - 1)
    // Items sit in their stage column and lane, stacked by order.
    const f1 = shown.blueprintItems.find((b) => String(b.item.id) === 'blueprint-item:f1')!
    const f2 = shown.blueprintItems.find((b) => String(b.item.id) === 'blueprint-item:f2')!
    expect([f1.index, f2.index]).toEqual([0, 1])
    expect(f1.x).toBeGreaterThanOrEqual(shown.columns[0].x)
    expect(f2.y).toBeGreaterThan(f1.y + f1.height - 1)
    expect(f2.y + f2.height).toBeLessThanOrEqual(frontstage.y + frontstage.height)
    expect(blueprintCellAt(shown, f2.x + 10, f2.y + 10)).toEqual({ stageId: 'stage:b1', lane: 'frontstage', index: 1 })
    // The keyboard walks from the lowest card of a column down into its blueprint.
    expect(neighbourItem(shown, 'touchpoint:k2', 'ArrowDown')).toBe('blueprint-item:f1')
    expect(neighbourItem(shown, 'blueprint-item:f1', 'ArrowUp')).toBe('touchpoint:k2')
  })
})
