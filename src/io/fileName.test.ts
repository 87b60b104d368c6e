import { describe, expect, it } from 'vitest'
import { fileBaseName } from './fileName'

describe('file names from map titles', () => {
  it('keeps letters of every language and replaces characters file systems refuse', () => {
    expect(fileBaseName('Kundeforløb: før/under/efter?')).toBe('Kundeforløb- før-under-efter-')
    expect(fileBaseName('Bilservice "Karoline" <ny> | *v2*\\')).toBe('Bilservice -Karoline- -ny- - -v2--')
    expect(fileBaseName('Köpresa 😀')).toBe('Köpresa 😀')
  })

  it('falls back to a neutral name for an empty or dots-only title', () => {
    expect(fileBaseName('   ')).toBe('journey-map')
    expect(fileBaseName('..')).toBe('journey-map')
  })
})
