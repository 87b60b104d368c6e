import { describe, expect, it } from 'vitest'
import { createUndoManager, readSnapshot } from '../doc'
import { parseJourneyJson, toJourneyJson } from '../model'
import { createTestDoc } from '../test/factories'
import { addAction, addActionsFor, deleteAction, setActionStatus, updateAction } from './actions'
import { addAnnotation, deleteAnnotation } from './annotations'
import { updateTouchpoint } from './touchpoints'
import { CommandError } from './transact'

describe('action plan commands', () => {
  it('creates actions for the top items in one step that one undo takes back, skipping what an action already addresses', () => {
    const { doc, touchpoint } = createTestDoc()
    const first = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Kø i telefonen ☎️' })
    const second = addAnnotation(doc, { targetId: touchpoint, kind: 'functional-need', text: 'Bestille dekkskift' })
    const done = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Må betale for leiebil' })
    addAction(doc, { fromAnnotation: done })
    const undo = createUndoManager(doc)
    const ids = addActionsFor(doc, [first, second, done])
    expect(ids).toHaveLength(2)
    const actions = readSnapshot(doc).actions
    expect(ids.map((id) => [actions[id].title, actions[id].addresses])).toEqual([
      ['Kø i telefonen ☎️', [first]],
      ['Bestille dekkskift', [second]],
    ])
    undo.undo()
    expect(Object.keys(readSnapshot(doc).actions)).toHaveLength(1)
    expect(() => addActionsFor(doc, [first, 'annotation:nowhere' as never])).toThrow(CommandError)
    expect(Object.keys(readSnapshot(doc).actions)).toHaveLength(1)
  })


  it('creates an action from a pain point: title from its text, owner from its touchpoint, and it addresses it', () => {
    const { doc, touchpoint } = createTestDoc()
    updateTouchpoint(doc, touchpoint, { owner: 'Verksted' })
    const pain = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Verkstedet er stengt etter kl. 17\nhun må ringe neste dag' })
    const id = addAction(doc, { fromAnnotation: pain })
    expect(readSnapshot(doc).actions[id]).toMatchObject({
      title: 'Verkstedet er stengt etter kl. 17',
      owner: 'Verksted',
      status: 'planned',
      dueDate: '',
      addresses: [pain],
    })
  })

  it('updates fields, moves through statuses and refuses a date that does not exist', () => {
    const { doc } = createTestDoc()
    const id = addAction(doc, { title: 'Åpne booking på nett for service og dekkskift' })
    updateAction(doc, id, { owner: 'Digital', measure: 'Andel bookinger i appen', target: '≥ 60 %', dueDate: '2026-09-30' })
    setActionStatus(doc, id, 'in-progress')
    expect(readSnapshot(doc).actions[id]).toMatchObject({ owner: 'Digital', target: '≥ 60 %', dueDate: '2026-09-30', status: 'in-progress' })
    expect(() => updateAction(doc, id, { dueDate: '2026-02-30' })).toThrow(/dueDate/)
    expect(() => setActionStatus(doc, id, 'finished' as never)).toThrow(CommandError)
    expect(readSnapshot(doc).actions[id].dueDate).toBe('2026-09-30')
  })

  it('keeps the action when a pain point it addresses is deleted, and forgets only that id', () => {
    const { doc, touchpoint } = createTestDoc()
    const pain = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Må betale for leiebil' })
    const need = addAnnotation(doc, { targetId: touchpoint, kind: 'functional-need', text: 'Komme seg på jobb' })
    const id = addAction(doc, { fromAnnotation: pain, addresses: [need] })
    deleteAnnotation(doc, pain)
    expect(readSnapshot(doc).actions[id].addresses).toEqual([need])
  })

  it('deletes an action, and round-trips through the JSON format', () => {
    const { doc } = createTestDoc()
    const keep = addAction(doc, { title: 'Faktura i appen – æøå 🧾', owner: 'Økonomi' })
    const gone = addAction(doc, { title: 'Slett meg' })
    deleteAction(doc, gone)
    const snapshot = readSnapshot(doc)
    expect(Object.keys(snapshot.actions)).toEqual([keep])
    const parsed = parseJourneyJson(JSON.stringify(toJourneyJson(snapshot)))
    expect(parsed.ok && parsed.snapshot.actions[keep].title).toBe('Faktura i appen – æøå 🧾')
  })

  it('refuses to start from an annotation that does not exist', () => {
    const { doc } = createTestDoc()
    expect(() => addAction(doc, { fromAnnotation: 'annotation:nope' as never })).toThrow(/fromAnnotation/)
    expect(readSnapshot(doc).actions).toEqual({})
  })
})
