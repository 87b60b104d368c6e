import { beforeAll, describe, expect, it, vi } from 'vitest'
import { formatCalendarDate, formatDateTime, formatNumber, formatSignedNumber } from './format'
import { loadCatalog, translate, translatePlural, translatorFor } from './translate'

beforeAll(async () => {
  await Promise.all((['da', 'sv', 'nb'] as const).map(loadCatalog))
})

describe('translate', () => {
  it('reads English until a language has loaded, then that language', async () => {
    vi.resetModules()
    const fresh = await import('./translate')
    expect(fresh.translate('da', 'toolbar.addStage')).toBe('Add stage')
    await fresh.loadCatalog('da')
    expect(fresh.translate('da', 'toolbar.addStage')).toBe('Tilføj trin')
  })

  it('looks a key up in the locale, and accepts full tags and map locales', () => {
    expect(translate('en', 'toolbar.addStage')).toBe('Add stage')
    expect(translate('da', 'toolbar.addStage')).toBe('Tilføj trin')
    expect(translate('sv-SE', 'toolbar.addStage')).toBe('Lägg till steg')
    expect(translate('no', 'toolbar.addStage')).toBe('Legg til steg')
  })

  it('reads English for a locale it has no catalog for', () => {
    expect(translate('de', 'toolbar.addStage')).toBe('Add stage')
  })

  it('fills placeholders, and writes numbers the locale’s way', () => {
    expect(translate('en', 'voting.left.other', { left: 2, count: 3 })).toBe('2 of 3 votes left')
    expect(translate('da', 'annotation.createActionFrom', { text: 'Kø på æøå' })).toBe('Opret handling ud fra Kø på æøå')
    expect(translate('da', 'metrics.expected', { min: -1.5, max: 7 })).toBe('Forventet −1,5..7')
  })

  it('leaves a placeholder it was given no value for, for elements to fill', () => {
    expect(translate('en', 'inspector.help.add')).toBe('Click a cell and press {key} to add a touchpoint.')
  })

  it('picks the plural form by count', () => {
    expect(translatePlural('en', 'voting.votes', 1)).toBe('1 vote')
    expect(translatePlural('en', 'voting.votes', 4)).toBe('4 votes')
    expect(translatePlural('sv', 'actions.count', 0)).toBe('0 åtgärder')
    expect(translatePlural('nb', 'connection.offlineUnsynced', 1)).toBe('Frakoblet · 1 endring ikke synkronisert')
  })

  it('hands out one translator per language, so components that depend on it stay memoised', () => {
    expect(translatorFor('da-DK')).toBe(translatorFor('da'))
    expect(translatorFor('da').locale).toBe('da')
    expect(translatorFor('da').plural('actions.count', 2)).toBe('2 handlinger')
  })
})

describe('format', () => {
  it('writes numbers with the locale’s decimal separator and a true minus', () => {
    expect(formatNumber(1.25, 'en', 1)).toBe('1.3')
    expect(formatNumber(-1.5, 'da')).toBe('−1,5')
    expect(formatSignedNumber(1.5, 'sv')).toBe('+1,5')
    expect(formatSignedNumber(-2, 'en')).toBe('−2')
    expect(formatSignedNumber(0, 'nb')).toBe('0')
  })

  it('writes a due date as the calendar day it is, in every time zone', () => {
    expect(formatCalendarDate('2026-09-30', 'en')).toBe('Sep 30, 2026')
    expect(formatCalendarDate('2026-09-30', 'da')).toBe('30. sep. 2026')
    expect(formatCalendarDate('not a date', 'da')).toBe('not a date')
  })

  it('writes a moment with date and time in the locale', () => {
    const moment = '2026-03-05T14:07:00Z'
    expect(formatDateTime(moment, 'da')).toMatch(/5\. mar\. 2026/)
    expect(formatDateTime(moment, 'en')).toMatch(/Mar 5, 2026/)
  })
})
