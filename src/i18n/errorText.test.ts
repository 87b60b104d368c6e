/**
 * Every error code has words in every language: a code added without a Danish, Swedish or
 * Norwegian entry, or one left in English, fails here; and what a person reads is those words,
 * never the developer's message an error carries.
 */
import { describe, expect, it } from 'vitest'
import { CLOSE_CODE_ERRORS, ERROR_CODES, NOTICE_ERRORS } from '../model'
import { da } from './catalogs/da'
import { en } from './catalogs/en'
import { nb } from './catalogs/nb'
import { sv } from './catalogs/sv'
import { errorCodeKey, errorText } from './errorText'
import { loadCatalog, translatorFor } from './translate'

const CATALOGS = { en, da, sv, nb } as const

describe('error codes in the catalogs', () => {
  it('word every code in en, da, sv and nb, each language in its own words', () => {
    const missing: string[] = []
    for (const code of ERROR_CODES) {
      const key = errorCodeKey(code)
      for (const [locale, catalog] of Object.entries(CATALOGS)) {
        const text: unknown = (catalog as Record<string, unknown>)[key]
        if (typeof text !== 'string' || text.trim() === '') missing.push(`${locale}: ${code}`)
        else if (locale !== 'en' && text === en[key]) missing.push(`${locale}: ${code} left in English`)
      }
    }
    expect(missing).toEqual([])
  })

  it('give each code its own words', () => {
    const texts = ERROR_CODES.map((code) => en[errorCodeKey(code)])
    expect(new Set(texts).size).toBe(ERROR_CODES.length)
  })

  it('cover every code the relay closes with or notices', () => {
    for (const code of [...Object.values(CLOSE_CODE_ERRORS), ...Object.values(NOTICE_ERRORS)]) expect(ERROR_CODES).toContain(code)
  })

  it('word a thrown error by its code in the reader’s language, not by its message', async () => {
    await loadCatalog('da')
    const locked = Object.assign(new Error('423: the map is locked'), { code: 'map-locked' })
    expect(errorText(translatorFor('da'), locked)).toBe(da['errorCode.map-locked'])
    expect(errorText(translatorFor('en'), locked)).toBe(en['errorCode.map-locked'])
    // Anything without a known code is unexpected, whatever its message says.
    expect(errorText(translatorFor('da'), new Error('no such record'))).toBe(da['errorCode.unexpected'])
    expect(errorText(translatorFor('da'), 'votes-spent')).toBe(da['errorCode.votes-spent'])
  })
})
