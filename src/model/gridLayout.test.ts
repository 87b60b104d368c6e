import { describe, expect, it } from 'vitest'
import { makePersona, makeSnapshot, makeStage, makeTouchpoint } from '../test/factories'
import { cellAt, computeGridLayout, GRID, type PersonaId, type StageId, type TouchpointId } from '.'

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
})
