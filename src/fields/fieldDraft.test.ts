import { describe, expect, it } from 'vitest'
import { begin, cancel, commit, draftOf, hasOwnEdit, shared, takeTheirs, type } from './fieldDraft'

describe('a field edited while colleagues edit the same record', () => {
  it('writes nothing on focus and blur without typing, even after a colleague renamed it meanwhile', () => {
    let field = begin(draftOf('Ringer verkstedet'), 'Ringer verkstedet')
    field = shared(field, 'Ringer verkstedet – Åse')
    expect(field.draft).toBe('Ringer verkstedet – Åse')
    const { write, next } = commit(field)
    expect(write).toBeNull()
    expect(next.draft).toBe('Ringer verkstedet – Åse')
  })

  it('writes nothing when the user typed and came back to where they started', () => {
    let field = begin(draftOf('Kø'), 'Kø')
    field = type(field, 'Kø i')
    field = type(field, 'Kø')
    expect(commit(field).write).toBeNull()
  })

  it('writes what the user typed, compared with the value they started from', () => {
    let field = begin(draftOf('Betaler'), 'Betaler')
    field = type(field, 'Betaler med kort 💳')
    const { write, next } = commit(field)
    expect(write).toBe('Betaler med kort 💳')
    expect(hasOwnEdit(next)).toBe(false)
    // The write arriving back as the shared value changes nothing.
    expect(shared(next, 'Betaler med kort 💳')).toEqual(next)
  })

  it('keeps the draft when a colleague changes the field while the user types, and offers theirs', () => {
    let field = begin(draftOf('Venter'), 'Venter')
    field = type(field, 'Venter på svar')
    field = shared(field, 'Venter i telefonkø ☎️')
    expect(field.draft).toBe('Venter på svar')
    expect(field.theirs).toBe('Venter i telefonkø ☎️')
    const theirs = takeTheirs(field)
    expect(theirs.draft).toBe('Venter i telefonkø ☎️')
    expect(commit(theirs).write).toBeNull()
  })

  it('writes the draft over theirs only when the user commits it', () => {
    let field = type(begin(draftOf('A'), 'A'), 'Mine')
    field = shared(field, 'Theirs')
    const { write, next } = commit(field)
    expect(write).toBe('Mine')
    expect(next.theirs).toBeNull()
  })

  it('stops offering theirs when their change is undone, or when they wrote the same as the draft', () => {
    let field = type(begin(draftOf('Start'), 'Start'), 'Mine')
    field = shared(field, 'Theirs')
    expect(shared(field, 'Start').theirs).toBeNull()
    expect(shared(field, 'Start').draft).toBe('Mine')
    const same = shared(field, 'Mine')
    expect(same.theirs).toBeNull()
    expect(commit(same).write).toBeNull()
  })

  it('keeps a draft across a second focus (the field was locked mid-edit), with its original base', () => {
    let field = type(begin(draftOf('Før'), 'Før'), 'Etter')
    field = begin(field, 'Før')
    expect(field.draft).toBe('Etter')
    expect(commit(field).write).toBe('Etter')
  })

  it('drops the draft on Escape', () => {
    const field = type(begin(draftOf('Før'), 'Før'), 'Etter')
    expect(hasOwnEdit(field)).toBe(true)
    expect(cancel('Nå')).toEqual(draftOf('Nå'))
  })
})
