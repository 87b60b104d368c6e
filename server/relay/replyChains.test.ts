/**
 * Comment threads written by a hostile editor with a stock client, over real sockets: a comment
 * that answers itself, a pair answering each other, a cycle made by moving an existing comment,
 * and a chain deeper than `MAX_REPLY_DEPTH` are refused (close 4422) and never stored, so no
 * colleague's page walks them; honest threads land.
 */
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addComment, addTouchpoint } from '../../src/commands'
import { getCollection, readSnapshot } from '../../src/doc'
import { MAX_REPLY_DEPTH, type CommentId, type PersonaId, type StageId } from '../../src/model'
import type { ShareLinks } from '../maps'
import { SyncClient } from '../testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'
import { CLOSE_CODES } from './protocol'

let server: TestServer
let links: ShareLinks
const clients: SyncClient[] = []

beforeEach(async () => {
  server = await startTestServer()
  links = await server.createMap({ title: 'Tråder 🧵 æøå' })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server.dispose()
})

async function editor(): Promise<SyncClient> {
  const client = await SyncClient.connect(server.url, links.id, links.editorToken)
  clients.push(client)
  await client.synced
  return client
}

/** A comment written straight into the document, `targetId` whatever the writer likes. */
function rawComment(doc: Y.Doc, id: string, targetId: string): void {
  const record = new Y.Map<unknown>()
  getCollection(doc, 'comments').set(id, record)
  for (const [k, v] of Object.entries({ id, targetId, author: 'Mallory 🦹', text: 'Hei @Åse', createdAt: '2026-12-07T01:00:00.000Z', resolved: false })) record.set(k, v)
}

const refused = () => server.metrics.rejected.get({ reason: 'schema' })

async function thread() {
  const honest = await editor()
  const s = readSnapshot(honest.doc)
  const touchpoint = addTouchpoint(honest.doc, { stageId: Object.keys(s.stages)[0] as StageId, personaId: Object.keys(s.personas)[0] as PersonaId, title: 'Ringer verkstedet 📞' })
  const root = addComment(honest.doc, { targetId: touchpoint, author: 'Åse', text: 'Hvorfor stenger de kl. 17?' })
  const reply = addComment(honest.doc, { targetId: root, author: 'Ørjan', text: 'Bemanning, tror jeg' })
  return { honest, touchpoint, root, reply }
}

describe('reply chains', () => {
  it('refuse a comment answering itself, and a pair answering each other, and store neither', async () => {
    const { honest } = await thread()
    const attempts: [string, (doc: Y.Doc) => void][] = [
      ['a self-reply', (doc) => rawComment(doc, 'comment:selfselfse', 'comment:selfselfse')],
      ['a pair', (doc) => doc.transact(() => (rawComment(doc, 'comment:pairAAAAAA', 'comment:pairBBBBBB'), rawComment(doc, 'comment:pairBBBBBB', 'comment:pairAAAAAA')))],
    ]
    for (const [what, write] of attempts) {
      const mallory = await editor()
      const before = refused()
      write(mallory.doc)
      expect((await mallory.closed).code, what).toBe(CLOSE_CODES.schemaViolation)
      expect(refused(), what).toBe(before + 1)
    }
    const late = await editor()
    expect(Object.keys(readSnapshot(late.doc).comments).sort()).toEqual(Object.keys(readSnapshot(honest.doc).comments).sort())
    expect(honest.ws.readyState).toBe(honest.ws.OPEN)
  })

  it('refuse a cycle made by moving an existing comment under its own reply', async () => {
    const { honest, touchpoint, root, reply } = await thread()
    const mallory = await editor()
    await eventually(() => readSnapshot(mallory.doc).comments[reply] !== undefined, 5000, 'the thread to reach the editor')
    getCollection(mallory.doc, 'comments').get(root)!.set('targetId', reply)
    expect((await mallory.closed).code).toBe(CLOSE_CODES.schemaViolation)
    const late = await editor()
    expect(readSnapshot(late.doc).comments[root].targetId).toBe(touchpoint)
    expect(readSnapshot(late.doc).comments[reply].targetId).toBe(root)
    void honest
  })

  it(`take a chain ${MAX_REPLY_DEPTH} replies deep and refuse one deeper`, async () => {
    const { honest, root } = await thread()
    const observer = await editor()
    let parent: string = root
    honest.doc.transact(() => {
      for (let i = 1; i <= MAX_REPLY_DEPTH; i++) parent = addComment(honest.doc, { targetId: parent, author: 'Åse', text: `Svar ${i} 💬` })
    })
    await eventually(() => Object.keys(readSnapshot(observer.doc).comments).length === MAX_REPLY_DEPTH + 2, 5000, `the ${MAX_REPLY_DEPTH}-deep chain to land`)
    const deeper = addComment(honest.doc, { targetId: parent as CommentId, author: 'Åse', text: 'Én for mye' })
    expect((await honest.closed).code).toBe(CLOSE_CODES.schemaViolation)
    const late = await editor()
    expect(readSnapshot(late.doc).comments[deeper]).toBeUndefined()
    expect(Object.keys(readSnapshot(late.doc).comments)).toHaveLength(MAX_REPLY_DEPTH + 2) // the root, its first reply and 16 more
  })
})
