/**
 * The relay takes the feedback references the schema knows (data sets, value links, quotes) and
 * refuses what breaks it: unknown fields, wrong types, text past its cap.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addAnnotation, addFeedbackSet, addTouchpoint, initializeMap, pinQuote } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import type { PersonaId, StageId } from '../../src/model'
import { judgeUpdate } from './writePolicy'

function setUp() {
  const server = new Y.Doc()
  initializeMap(server, { title: 'Værksted' })
  const s = readSnapshot(server)
  const touchpointId = addTouchpoint(server, { stageId: Object.keys(s.stages)[0] as StageId, personaId: Object.keys(s.personas)[0] as PersonaId, title: 'Booking' })
  const annotationId = addAnnotation(server, { targetId: touchpointId, kind: 'pain-point', text: 'Ventetid' })
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const capture = (fn: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client)
    fn(client)
    return Y.encodeStateAsUpdate(client, before)
  }
  return { server, client, capture, touchpointId, annotationId }
}

const verdict = (v: ReturnType<typeof judgeUpdate>) => (v.kind === 'refuse' ? `refuse:${v.reason}:${v.detail}` : v.kind)

describe('write policy: customer feedback references', () => {
  it('lets an editor add a data set with its links and pin a quote', () => {
    const { server, capture, touchpointId, annotationId } = setUp()
    let setId!: ReturnType<typeof addFeedbackSet>
    const add = capture((doc) => (setId = addFeedbackSet(doc, { name: 'Q1 æøå 😊', from: '2026-01-01', to: '2026-03-31', responses: 500, createdAt: '2026-04-01T08:00:00.000Z', links: [{ value: 'Booking online', targetId: touchpointId }] })))
    expect(verdict(judgeUpdate(server, 'editor', add))).toBe('apply')
    Y.applyUpdate(server, add)
    const pin = capture((doc) => pinQuote(doc, { annotationId, setId, response: 4, text: 'Jeg ventede længe 😤', kind: 'csat', score: 2, date: '2026-02-01', channel: 'web' }))
    expect(verdict(judgeUpdate(server, 'editor', pin))).toBe('apply')
  })

  it('refuses a quote past its size cap, a wrong type and an unknown field', () => {
    const { server, annotationId } = setUp()
    // Each write from a fresh copy of the relay's state, so it builds on nothing the relay lacks.
    const capture = (fn: (doc: Y.Doc) => void): Uint8Array => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
      const before = Y.encodeStateVector(doc)
      fn(doc)
      return Y.encodeStateAsUpdate(doc, before)
    }
    const write = (fields: Record<string, unknown>) =>
      capture((doc) => {
        const record = new Y.Map<unknown>(Object.entries({ id: 'quote:abc', annotationId, setId: 'feedback-set:x', response: 1, text: 'ok', kind: 'nps', score: 9, date: '', channel: '', ...fields }))
        doc.getMap('quotes').set('quote:abc', record)
      })
    expect(verdict(judgeUpdate(server, 'editor', write({})))).toBe('apply')
    expect(verdict(judgeUpdate(server, 'editor', write({ text: 'x'.repeat(5001) })))).toMatch(/^refuse:schema:.*text/)
    expect(verdict(judgeUpdate(server, 'editor', write({ score: 'ten' })))).toMatch(/^refuse:schema:.*score/)
    expect(verdict(judgeUpdate(server, 'editor', write({ comments: ['all of them'] })))).toMatch(/^refuse:schema/)
    const link = capture((doc) => doc.getMap('feedbackLinks').set('feedback-link:l', new Y.Map<unknown>(Object.entries({ id: 'feedback-link:l', setId: 'feedback-set:x', value: 'v', targetId: 'annotation:nope' }))))
    expect(verdict(judgeUpdate(server, 'editor', link))).toMatch(/^refuse:schema:.*targetId/)
  })
})
