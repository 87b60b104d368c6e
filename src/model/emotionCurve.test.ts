import { describe, expect, it } from 'vitest'
import { makeSnapshot, makeTouchpoint } from '../test/factories'
import { emotionCurve, type PersonaId, type StageId, type TouchpointId } from '.'

const tp = (n: number, stageId: string, emotion: number | null, personaId = 'persona:p1') =>
  makeTouchpoint({ id: `touchpoint:${n}` as TouchpointId, stageId: stageId as StageId, personaId: personaId as PersonaId, emotion })

describe('emotionCurve', () => {
  const snapshot = makeSnapshot({
    touchpoints: [tp(1, 'stage:a', -2), tp(2, 'stage:a', 1), tp(3, 'stage:b', null), tp(4, 'stage:c', 2), tp(5, 'stage:c', -2, 'persona:other')],
  })

  it('is the mean per stage of the persona’s scored cards, in column order, skipping unscored stages', () => {
    expect(emotionCurve(snapshot, 'persona:p1', ['stage:a', 'stage:b', 'stage:c'])).toEqual([
      { stageId: 'stage:a', column: 0, emotion: -0.5, count: 2 },
      { stageId: 'stage:c', column: 2, emotion: 2, count: 1 },
    ])
  })

  it('follows the column order it is given', () => {
    expect(emotionCurve(snapshot, 'persona:p1', ['stage:c', 'stage:a']).map((p) => [p.stageId, p.column])).toEqual([
      ['stage:c', 0],
      ['stage:a', 1],
    ])
  })

  it('is empty for a persona with nothing scored', () => {
    expect(emotionCurve(snapshot, 'persona:nobody', ['stage:a'])).toEqual([])
  })
})
