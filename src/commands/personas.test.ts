import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../doc'
import { sortedPersonas, type PersonaId } from '../model'
import { createTestDoc } from '../test/factories'
import { addPersona, CommandError, deletePersona, movePersona, renamePersona, updatePersona } from '.'

const lanes = (doc: Parameters<typeof readSnapshot>[0]) => sortedPersonas(readSnapshot(doc)).map((p) => p.name)

describe('persona commands', () => {
  it('adds lanes at the end or at an index, each with its own colour', () => {
    const { doc } = createTestDoc()
    addPersona(doc, { name: 'Småbarnsforelder' })
    addPersona(doc, { name: 'Pendler', index: 0, description: 'Kjører til jobb hver dag' })
    expect(lanes(doc)).toEqual(['Pendler', 'Karoline', 'Bedriftskunde', 'Småbarnsforelder'])
    const colours = sortedPersonas(readSnapshot(doc)).map((p) => p.color)
    expect(new Set(colours).size).toBe(colours.length)
  })

  it('uses the id it is given', () => {
    const { doc } = createTestDoc()
    const id = addPersona(doc, { name: 'Åse', id: 'persona:ase' as PersonaId })
    expect(id).toBe('persona:ase')
    expect(readSnapshot(doc).personas['persona:ase'].name).toBe('Åse')
  })

  it('renames and updates description and colour; refuses a colour that is not #rrggbb', () => {
    const { doc, persona } = createTestDoc()
    renamePersona(doc, persona, 'Karoline Ødegård')
    updatePersona(doc, persona, { description: 'Har en SUV', color: '#2fa67a' })
    expect(readSnapshot(doc).personas[persona]).toMatchObject({ name: 'Karoline Ødegård', description: 'Har en SUV', color: '#2fa67a' })
    expect(() => updatePersona(doc, persona, { color: 'green' })).toThrow(/\.color: expected a colour/)
    expect(readSnapshot(doc).personas[persona].color).toBe('#2fa67a')
  })

  it('reorders lanes', () => {
    const { doc, persona } = createTestDoc()
    addPersona(doc, { name: 'Tredje' })
    movePersona(doc, persona, 2)
    expect(lanes(doc)).toEqual(['Bedriftskunde', 'Tredje', 'Karoline'])
    movePersona(doc, persona, 0)
    expect(lanes(doc)).toEqual(['Karoline', 'Bedriftskunde', 'Tredje'])
  })

  it('deletes a lane with its cards; moving a deleted lane is refused', () => {
    const { doc, persona, touchpoint } = createTestDoc()
    deletePersona(doc, persona)
    const s = readSnapshot(doc)
    expect(s.personas[persona]).toBeUndefined()
    expect(s.touchpoints[touchpoint]).toBeUndefined()
    expect(() => movePersona(doc, persona, 0)).toThrow(CommandError)
  })
})
