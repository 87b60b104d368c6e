import { describe, expect, it } from 'vitest'
import { makeAnnotation, makeComment, makeLink, makePersona, makeSnapshot, makeStage, makeTouchpoint } from '../test/factories'
import { formatError, parseJourneyJson, restoreRecord, toJourneyJson } from '.'

/** A valid file with one record replaced, as the raw JSON an import would read. */
function fileWith(collection: 'personas' | 'stages' | 'touchpoints' | 'annotations' | 'links' | 'comments', record: Record<string, unknown>) {
  const json = toJourneyJson(
    makeSnapshot({ personas: [makePersona()], stages: [makeStage()], touchpoints: [makeTouchpoint(), makeTouchpoint({ id: 'touchpoint:t2' as never })], annotations: [makeAnnotation()], links: [makeLink()], comments: [makeComment()] }),
  ) as unknown as Record<string, unknown[]>
  json[collection] = [record, ...json[collection].slice(1)]
  return json
}
const errorsOf = (input: unknown) => {
  const result = parseJourneyJson(input)
  return result.ok ? [] : result.errors.map(formatError)
}

describe('validators name the field that is wrong', () => {
  it('accepts the valid fixture', () => {
    expect(errorsOf(fileWith('touchpoints', makeTouchpoint() as never))).toEqual([])
  })

  it.each([
    ['touchpoints', { ...makeTouchpoint(), emotion: 7 }, 'touchpoints[0].emotion: expected an integer -2..2 or null, got 7'],
    ['touchpoints', { ...makeTouchpoint(), emotion: 1.5 }, 'touchpoints[0].emotion: expected an integer -2..2 or null, got 1.5'],
    ['touchpoints', { ...makeTouchpoint(), priority: 0 }, 'touchpoints[0].priority: expected an integer 1..5 or null, got 0'],
    ['touchpoints', { ...makeTouchpoint(), priority: '1' }, 'touchpoints[0].priority: expected an integer 1..5 or null, got "1"'],
    ['touchpoints', { ...makeTouchpoint(), stageId: 'persona:p1' }, 'touchpoints[0].stageId: expected a stage id, got "persona:p1"'],
    ['touchpoints', { ...makeTouchpoint(), title: 42 }, 'touchpoints[0].title: expected text, got 42'],
    ['touchpoints', { ...makeTouchpoint(), order: '' }, 'touchpoints[0].order: expected a fractional index key, got ""'],
    ['touchpoints', { ...makeTouchpoint(), id: 'stage:x' }, 'touchpoints[0].id: expected a touchpoint id like "touchpoint:abc123", got "stage:x"'],
    ['stages', { ...makeStage(), phase: 'later' }, 'stages[0].phase: expected before | during | after, got "later"'],
    ['personas', { ...makePersona(), color: 'red' }, 'personas[0].color: expected a colour like #4f7cff, got "red"'],
    ['annotations', { ...makeAnnotation(), kind: 'wish' }, 'annotations[0].kind: expected functional-need | emotional-need | pain-point | moment-of-truth | opportunity | note, got "wish"'],
    ['annotations', { ...makeAnnotation(), kind: 'functional-need', status: 'done' }, 'annotations[0].status: expected met | partly | unmet or null, got "done"'],
    ['annotations', { ...makeAnnotation(), votes: { tore: -1 } }, 'annotations[0].votes: expected a vote count 0..1000 for "tore", got -1'],
    ['annotations', { ...makeAnnotation(), targetId: 'link:l1' }, 'annotations[0].targetId: expected a persona | stage | touchpoint | phase id, got "link:l1"'],
    ['comments', { ...makeComment(), resolved: 'yes' }, 'comments[0].resolved: expected true or false, got "yes"'],
    ['comments', { ...makeComment(), createdAt: 'yesterday' }, 'comments[0].createdAt: expected an ISO 8601 date, got "yesterday"'],
  ] as const)('%s: %j', (collection, record, message) => {
    expect(errorsOf(fileWith(collection, record))).toEqual([message])
  })

  it('collects every error of a file, not just the first', () => {
    const json = fileWith('touchpoints', { ...makeTouchpoint(), emotion: 9, priority: 9 })
    ;(json.stages as unknown[])[0] = { ...makeStage(), phase: 'x' }
    expect(errorsOf(json)).toHaveLength(3)
  })

  it('refuses a link from a card to itself and duplicate ids', () => {
    expect(errorsOf(fileWith('links', { ...makeLink(), to: 'touchpoint:t1' }))).toEqual(['links[0]: a link must join two different touchpoints'])
    const json = fileWith('touchpoints', makeTouchpoint() as never)
    json.touchpoints = [makeTouchpoint(), makeTouchpoint()]
    expect(errorsOf(json)).toEqual(['touchpoints[1].id: duplicate id "touchpoint:t1"'])
  })

  it('keeps unknown fields out and fills missing optional ones', () => {
    const { record, errors } = restoreRecord('touchpoints', { id: 'touchpoint:t1', stageId: 'stage:s1', personaId: 'persona:p1', secret: 'x' }, 'touchpoints[0]')
    expect(errors).toEqual([])
    expect(record).toMatchObject({ title: '', emotion: null, priority: null, order: 'a0' })
    expect(record).not.toHaveProperty('secret')
  })

  it('drops a stray status on an annotation that is not a need', () => {
    const { record, errors } = restoreRecord('annotations', { ...makeAnnotation(), kind: 'pain-point', status: 'met' }, 'a')
    expect(errors).toEqual([])
    expect(record?.status).toBeNull()
  })

  it('refuses what is not a journey map file', () => {
    expect(errorsOf('{ not json')[0]).toMatch(/^\$: not valid JSON/)
    expect(errorsOf({ format: 'other' })).toEqual(['format: expected "journey-map", got "other"'])
  })
})
