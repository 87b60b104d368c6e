import { describe, expect, it } from 'vitest'
import { printLabels, votesText } from './printLabels'
import { loadCatalog } from '../i18n/translate'

// Exports print in the map's language: its catalog loads first, as the app does before an export.
await Promise.all((['da', 'sv', 'nb'] as const).map(loadCatalog))

/** Every string in a labels object, with its path, so a missing or blank one is named. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k))
  return []
}

describe('print labels', () => {
  const en = printLabels('en')

  it.each(['da', 'sv', 'nb'])('%s has every label English has, none blank', (locale) => {
    const labels = strings(printLabels(locale))
    expect(labels.map(([path]) => path)).toEqual(strings(en).map(([path]) => path))
    for (const [path, text] of labels) expect(text.trim(), path).not.toBe('')
  })

  it('names evidence in each language, not in English', () => {
    expect(en.evidence).toEqual({ assumed: 'Assumed', observed: 'Observed', measured: 'Measured' })
    expect(printLabels('da').evidence).toEqual({ assumed: 'Antaget', observed: 'Observeret', measured: 'Målt' })
    expect(printLabels('sv').evidence).toEqual({ assumed: 'Antaget', observed: 'Observerat', measured: 'Uppmätt' })
    expect(printLabels('nb-NO').evidence).toEqual({ assumed: 'Antatt', observed: 'Observert', measured: 'Målt' })
  })
})

describe('votes in print', () => {
  it('says "1 vote" and "2 votes" by each language’s plural rule', () => {
    expect(votesText(printLabels('en'), 1)).toBe('1 vote')
    expect(votesText(printLabels('en'), 2)).toBe('2 votes')
    expect(votesText(printLabels('nb-NO'), 1)).toBe('1 stemme')
    expect(votesText(printLabels('sv'), 0)).toBe('0 röster')
    expect(votesText(printLabels('da'), 1)).toBe('1 stemme')
  })
})
