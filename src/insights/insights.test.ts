import { describe, expect, it } from 'vitest'
import type { Snapshot, StageId } from '../model'
import { makeStage } from '../test/factories'
import { actionBoard, unaddressed } from './actionBoard'
import { compareCurves, personaCurves } from './emotionCurves'
import { fixedMap, P, S, T } from '../test/fixedMap'
import { heatLevel, heatMap } from './heatMap'
import { isGap, needsGap } from './needsGap'
import { HIGH_FROM, priorityMatrix, quadrantOf } from './priorityMatrix'
import { formatScore, scorecard } from './scorecard'

describe('persona emotion curves', () => {
  it('has one curve per persona over the stage columns, each point the mean of the scored cards', () => {
    const chart = personaCurves(fixedMap())
    expect(chart.columns.map((c) => c.title)).toEqual(['Bestilling i appen', 'Telefon til verkstedet', 'Henting av bilen'])
    expect(chart.curves.map((c) => c.name)).toEqual(['Karoline', 'Bedriftskunde'])
    expect(chart.curves[0].points.map((p) => [p.column, p.emotion, p.count])).toEqual([
      [0, 0, 1],
      [1, -1.5, 2],
      [2, 1, 1],
    ])
    expect(chart.curves[1].points.map((p) => [p.column, p.emotion])).toEqual([[1, 2]])
  })
})

describe('as-is against to-be', () => {
  function toBeOf(asIs: Snapshot): Snapshot {
    // The to-be is a copy: same ids. Its phone stage is better, and it has a new stage in "after".
    const touchpoints = { ...asIs.touchpoints, [T.call]: { ...asIs.touchpoints[T.call], emotion: 1 }, [T.wait]: { ...asIs.touchpoints[T.wait], emotion: 2 } }
    const extra = makeStage({ id: 'stage:followup' as StageId, phase: 'after', title: 'Oppfølging', order: 'a1' })
    return { ...asIs, touchpoints, stages: { ...asIs.stages, [extra.id]: extra } }
  }

  it('matches stages and personas by id, gives a to-be-only stage its own column in its phase', () => {
    const asIs = fixedMap()
    const cmp = compareCurves(asIs, toBeOf(asIs))
    expect(cmp.columns.map((c) => c.title)).toEqual(['Bestilling i appen', 'Telefon til verkstedet', 'Henting av bilen', 'Oppfølging'])
    const karoline = cmp.pairs[0]
    expect(karoline.name).toBe('Karoline')
    expect(karoline.asIs.map((p) => [p.column, p.emotion])).toEqual([[0, 0], [1, -1.5], [2, 1]])
    expect(karoline.toBe.map((p) => [p.column, p.emotion])).toEqual([[0, 0], [1, 1.5], [2, 1]])
  })

  it('matches a renamed-id stage by title and a persona by name', () => {
    const asIs = fixedMap()
    const toBe: Snapshot = {
      ...asIs,
      stages: { 'stage:other': { ...asIs.stages[S.phone], id: 'stage:other' as StageId } , [S.app]: asIs.stages[S.app] },
      touchpoints: { x: { ...asIs.touchpoints[T.call], stageId: 'stage:other' as StageId, personaId: 'persona:k2' as never, emotion: 2 } },
      personas: { 'persona:k2': { ...asIs.personas[P.karoline], id: 'persona:k2' as never } },
    }
    const cmp = compareCurves(asIs, toBe)
    expect(cmp.columns).toHaveLength(3)
    expect(cmp.pairs[0].toBe.map((p) => [p.column, p.emotion])).toEqual([[1, 2]])
    expect(cmp.pairs[1]).toMatchObject({ name: 'Bedriftskunde', toBe: [] })
  })
})

describe('heat map of pain points and moments of truth', () => {
  it('counts per stage × persona cell from touchpoint annotations only', () => {
    const map = heatMap(fixedMap())
    expect(map.personas.map((p) => p.name)).toEqual(['Karoline', 'Bedriftskunde'])
    expect(map.cells[0].map((c) => c.pain)).toEqual([0, 3, 0])
    expect(map.cells[1].map((c) => c.truth)).toEqual([0, 1, 0])
    expect(map.totals).toEqual({ pain: 3, truth: 1 })
    expect(map.max).toBe(3)
    expect(heatLevel(3, map.max)).toBe(1)
    expect(heatLevel(0, 0)).toBe(0)
  })
})

describe('needs gap table', () => {
  it('lists touchpoints with needs in reading order and flags unmet or partly met', () => {
    const rows = needsGap(fixedMap())
    expect(rows.map((r) => [r.touchpoint.title, r.gap])).toEqual([
      ['Åpner appen', true],
      ['Ringer sentralbordet', false],
      ['Betaler i kortterminalen', true],
    ])
    expect(rows[0].functional).toEqual([{ id: 'annotation:book', text: 'Bestille service og dekkskift samlet', status: 'unmet' }])
    expect(rows[2].emotional[0].status).toBe('partly')
    expect([isGap('unmet'), isGap('partly'), isGap('met'), isGap(null)]).toEqual([true, true, false, false])
  })
})

describe('priority matrix', () => {
  it('puts scored opportunities in quadrants and fans out ones that share a spot', () => {
    const matrix = priorityMatrix(fixedMap())
    const byText = Object.fromEntries(matrix.points.map((p) => [p.annotation.text, p]))
    expect(byText['Samlet booking']).toMatchObject({ quadrant: 'quick-wins', x: 0.3, y: 0.9, where: 'Åpner appen' })
    expect(byText['Ny plattform']).toMatchObject({ quadrant: 'big-bets', x: 0.9, y: 0.7 })
    expect(byText['Betalingskiosk']).toMatchObject({ quadrant: 'money-pits', x: 0.7, y: 0.1 })
    // A 3 is high, and its dot sits inside the high band, not on the line.
    expect(HIGH_FROM).toBeCloseTo(0.4)
    expect([byText['SMS når bilen er klar'], byText['SMS-kø']].map((p) => [p.quadrant, p.stackIndex, p.stackSize])).toEqual([
      ['fill-ins', 0, 2],
      ['fill-ins', 1, 2],
    ])
    expect(matrix.unscored.map((a) => a.text)).toEqual(['Ikke vurdert ennå'])
    expect([quadrantOf(3, 3), quadrantOf(3, 2), quadrantOf(2, 3), quadrantOf(2, 2)]).toEqual(['big-bets', 'quick-wins', 'money-pits', 'fill-ins'])
  })
})

describe('journey scorecard', () => {
  it('averages each metric per stage and overall against the targets', () => {
    const card = scorecard(fixedMap())
    const phone = card.stages.find((s) => s.id === S.phone)!
    expect(phone.scores.nps).toEqual({ actual: -20, target: 10, count: 2, onTarget: false })
    expect(phone.scores.ces).toEqual({ actual: 2, target: null, count: 1, onTarget: null })
    expect(card.stages.find((s) => s.id === S.pickup)!.scores.csat).toEqual({ actual: 90, target: 85, count: 1, onTarget: true })
    expect(card.overall.nps).toEqual({ actual: -20, target: 10, count: 3, onTarget: false })
    expect(card.overall.csat).toEqual({ actual: 75, target: 82.5, count: 2, onTarget: false })
    expect(card.overall.ces.actual).toBe(2.5)
    expect([formatScore(-20), formatScore(82.55), formatScore(null)]).toEqual(['−20', '82.6', '–'])
  })
})

describe('action board', () => {
  it('groups by department (no owner last) with what each action addresses, skipping deleted ids', () => {
    const columns = actionBoard(fixedMap(), 'department')
    expect(columns.map((c) => [c.key, c.cards.map((k) => k.action.title)])).toEqual([
      ['Salg', ['Gratis lånebil']],
      ['Verksted', ['Åpen booking på kveldstid']],
      ['', ['Ring-tilbake']],
    ])
    expect(columns[1].cards[0].addresses.map((x) => [x.annotation.text, x.where])).toEqual([['Verkstedet er stengt kl. 17', 'Ringer sentralbordet']])
  })

  it('groups by status with a column for every status', () => {
    const columns = actionBoard(fixedMap(), 'status')
    expect(columns.map((c) => [c.key, c.cards.length])).toEqual([
      ['planned', 2],
      ['in-progress', 1],
      ['done', 0],
      ['blocked', 0],
    ])
  })

  it('orders what is not yet addressed by votes of the last revealed round, then by severity', () => {
    const map = fixedMap()
    const texts = (m: typeof map, voting: Parameters<typeof unaddressed>[1] = null) => unaddressed(m, voting).map((o) => [o.annotation.text, o.votes])
    // No votes: lowest emotion where it sits first (−2, −1, 0, then +1: partly met before a pain point).
    expect(texts(map)).toEqual([
      ['Bli tatt på alvor', 0],
      ['Kø i telefonen', 0],
      ['Bestille service og dekkskift samlet', 0],
      ['Slippe å vente', 0],
      ['Bilen står 100 m unna', 0],
    ])
    const voted = structuredClone(map)
    voted.annotations['annotation:stage-pain' as never].votes = { ida: 2, ole: 1 }
    voted.annotations['annotation:book' as never].votes = { ida: 1 }
    expect(texts(voted).slice(0, 3)).toEqual([
      ['Bilen står 100 m unna', 3],
      ['Bestille service og dekkskift samlet', 1],
      ['Bli tatt på alvor', 0],
    ])
    // While a pain-point round is still hidden, its votes order nothing.
    expect(texts(voted, { kind: 'pain-point', revealed: false })[0]).toEqual(['Bestille service og dekkskift samlet', 1])
    expect(texts(voted, { kind: 'pain-point', revealed: true })[0]).toEqual(['Bilen står 100 m unna', 3])
  })

  it('lists pain points and unmet needs no action addresses yet', () => {
    const open = unaddressed(fixedMap()).map((o) => o.annotation.text)
    expect(open).toContain('Kø i telefonen')
    expect(open).toContain('Slippe å vente')
    expect(open).not.toContain('Verkstedet er stengt kl. 17')
    expect(open).not.toContain('Betale raskt')
  })
})
