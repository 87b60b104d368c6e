import { describe, expect, it } from 'vitest'
import { getCollection, readSnapshot } from '../doc'
import { createTestDoc } from '../test/factories'
import { CommandError, setEmotion, updateTouchpoint } from '.'

describe('patchRecord (every edit command)', () => {
  it('refuses an out-of-range value naming the field, and writes nothing', () => {
    const { doc, touchpoint } = createTestDoc()
    let updates = 0
    doc.on('update', () => updates++)
    expect(() => updateTouchpoint(doc, touchpoint, { title: 'Ny tittel', emotion: 7 })).toThrow(CommandError)
    expect(() => updateTouchpoint(doc, touchpoint, { emotion: 7 })).toThrow(`touchpoints["${touchpoint}"].emotion: expected an integer -2..2 or null, got 7`)
    expect(updates).toBe(0)
    expect(readSnapshot(doc).touchpoints[touchpoint].title).toBe('Servicevarsellampen lyser')
  })

  // A rogue peer wrote a bad stage reference; the reader repairs it (the card shows as unplaced).
  // Before the fix, every edit of that card was refused with an error about `stageId`, a field
  // the user never touched.
  it('lets a card with a repaired field still be edited, blaming only the fields the edit sets', () => {
    const { doc, touchpoint } = createTestDoc()
    getCollection(doc, 'touchpoints').get(touchpoint)!.set('stageId', 42)
    setEmotion(doc, touchpoint, -2)
    expect(readSnapshot(doc).touchpoints[touchpoint].emotion).toBe(-2)
    expect(() => setEmotion(doc, touchpoint, 3)).toThrow(/\.emotion: /)
    expect(() => setEmotion(doc, touchpoint, 3)).not.toThrow(/stageId/)
  })
})
