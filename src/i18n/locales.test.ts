import { describe, expect, it } from 'vitest'
import { detectUiLocale, uiLocaleOf } from './locales'

describe('detectUiLocale', () => {
  it('maps each Scandinavian tag to its interface language', () => {
    expect(detectUiLocale(['da-DK'])).toBe('da')
    expect(detectUiLocale(['da'])).toBe('da')
    expect(detectUiLocale(['sv-SE'])).toBe('sv')
    expect(detectUiLocale(['sv-FI'])).toBe('sv')
    expect(detectUiLocale(['nb-NO'])).toBe('nb')
  })

  it('reads Norwegian as Bokmål whether it comes as nb, no or nn', () => {
    expect(detectUiLocale(['no'])).toBe('nb')
    expect(detectUiLocale(['no-NO'])).toBe('nb')
    expect(detectUiLocale(['nn-NO'])).toBe('nb')
    expect(detectUiLocale(['NB_no'])).toBe('nb')
  })

  it('takes the first preferred language it knows, in the browser order', () => {
    expect(detectUiLocale(['de-DE', 'sv-SE', 'da-DK'])).toBe('sv')
    expect(detectUiLocale(['en-US', 'da-DK'])).toBe('en')
  })

  it('falls back to English for unknown or no languages', () => {
    expect(detectUiLocale(['de-DE', 'fi-FI'])).toBe('en')
    expect(detectUiLocale([])).toBe('en')
    expect(uiLocaleOf('dan')).toBeNull()
  })
})
