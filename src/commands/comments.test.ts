import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../doc'
import { createTestDoc } from '../test/factories'
import { addAnnotation, addComment, deleteComment, setCommentResolved } from '.'

describe('comments', () => {
  it('pins comments to a card, an annotation or a phase; resolves and deletes them', () => {
    const { doc, touchpoint } = createTestDoc()
    const pain = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Stengt kl. 17' })
    const now = new Date('2024-10-01T08:00:00Z')
    const onCard = addComment(doc, { targetId: touchpoint, author: 'Tore', text: 'Kan verkstedet svare på chat?', now })
    const onPain = addComment(doc, { targetId: pain, author: 'Åsa', text: 'Hänt flera gånger' })
    const onPhase = addComment(doc, { targetId: 'phase:before', author: 'Søren', text: 'Før købet' })
    const s = readSnapshot(doc)
    expect(s.comments[onCard]).toMatchObject({ targetId: touchpoint, author: 'Tore', createdAt: '2024-10-01T08:00:00.000Z', resolved: false })
    expect(s.comments[onPain].targetId).toBe(pain)
    expect(s.comments[onPhase].text).toBe('Før købet')

    setCommentResolved(doc, onCard, true)
    expect(readSnapshot(doc).comments[onCard].resolved).toBe(true)
    deleteComment(doc, onCard)
    expect(readSnapshot(doc).comments[onCard]).toBeUndefined()
  })

  it('refuses a comment on nothing', () => {
    const { doc } = createTestDoc()
    expect(() => addComment(doc, { targetId: 'annotation:gone', author: 'Tore', text: '?' })).toThrow(/^targetId: nothing to comment on/)
  })
})
