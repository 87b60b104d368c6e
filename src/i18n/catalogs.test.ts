import { describe, expect, it } from 'vitest'
import { en, type MessageKey } from './catalogs/en'
import { da } from './catalogs/da'
import { nb } from './catalogs/nb'
import { sv } from './catalogs/sv'

/**
 * Values allowed to read the same as English, each for a reason. Everything else left equal to
 * English is taken for a string someone forgot to translate.
 */
const SAME_AS_ENGLISH: Partial<Record<MessageKey, string>> = {
  'common.persona': 'the CX term is the same word in all four languages',
  'metrics.nps': 'acronym every CX reader knows (the PDF keeps it too)',
  'metrics.ces': 'acronym',
  'metrics.csat': 'acronym',
  'score.npsColumn': 'acronym',
  'score.cesColumn': 'acronym',
  'score.csatColumn': 'acronym and a percent sign',
  'metrics.npsScale': 'a numeric range',
  'metrics.csatScale': 'a numeric range',
  'export.pdf': 'file format',
  'export.pdfName': 'file format',
  'export.csv': 'file format',
  'export.json': 'file format',
  'department.it': 'department abbreviation used as is in Scandinavia',
  'department.hr': 'department abbreviation used as is in Scandinavia',
  'channel.app': 'the loanword is the Scandinavian word',
  'channel.sms': 'the loanword is the Scandinavian word',
  'channel.web': 'Danish says web',
  'channel.chat': 'Danish and Norwegian say chat',
  'role.facilitator': 'Danish and Swedish say facilitator',
  'workshop.extendTimer': 'a number and a unit abbreviation',
  'canvas.badge.functionalShort': 'F: Funktionelt / Funktionellt / Funksjonelt',
  'canvas.badge.emotionalShort': 'E: Emotionelt / Emotionellt / Emosjonelt',
  'canvas.personaNode': '"Persona {name}": the same word',
  'versions.summary.personas.one': '"{count} persona": the same word',
  'assessment.prompt': 'only a placeholder and a question mark',
  'annotationKind.note.one': 'Danish writes note, as its print labels do',
  'canvas.badge.note.one': 'Danish writes note, as its print labels do',
  'emotion.0': 'neutral is the Danish and Swedish word',
  'connection.offline': 'Danish says offline',
  'workshop.timer': 'Danish and Swedish say timer',
  'versions.defaultName': '"Version" is the Danish and Swedish word',
  'insights.scorecard': 'Danish CX teams say scorecard (the Danish PDF does too)',
  'inspector.cell': 'cell is the Swedish word',
  'presentation.label': 'presentation is the Swedish word',
  'gap.gap': 'gap is the Swedish and Norwegian word',
  'versions.summary.personas.other': 'Norwegian plural personas, as its PDF writes it',
  'assessment.option': 'only placeholders',
}

const OTHERS = [['da', da], ['sv', sv], ['nb', nb]] as const
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('message catalogs', () => {
  it('has every English key in Danish, Swedish and Norwegian, and no key English lacks', () => {
    const keys = Object.keys(en).sort()
    for (const [, catalog] of OTHERS) expect(Object.keys(catalog).sort()).toEqual(keys)
  })

  it('leaves nothing in English by accident', () => {
    const untranslated = OTHERS.flatMap(([locale, catalog]) =>
      (Object.keys(en) as MessageKey[]).filter((key) => catalog[key] === en[key] && !(key in SAME_AS_ENGLISH)).map((key) => `${locale}: ${key} = ${JSON.stringify(en[key])}`),
    )
    expect(untranslated).toEqual([])
  })

  it('keeps the allowlist honest: every entry is the same as English somewhere', () => {
    const stale = (Object.keys(SAME_AS_ENGLISH) as MessageKey[]).filter((key) => OTHERS.every(([, catalog]) => catalog[key] !== en[key]))
    expect(stale).toEqual([])
  })

  it('uses the same placeholders in every language', () => {
    const mismatched = OTHERS.flatMap(([locale, catalog]) =>
      (Object.keys(en) as MessageKey[]).filter((key) => placeholders(catalog[key]).join() !== placeholders(en[key]).join()).map((key) => `${locale}: ${key}`),
    )
    expect(mismatched).toEqual([])
  })

  it('has no empty or blank message', () => {
    const blank = [['en', en] as const, ...OTHERS].flatMap(([locale, catalog]) => Object.entries(catalog).filter(([, value]) => value.trim() === '').map(([key]) => `${locale}: ${key}`))
    expect(blank).toEqual([])
  })

  it('pairs every plural form: a .one has its .other', () => {
    const keys = new Set(Object.keys(en))
    const lonely = [...keys].filter((key) => (key.endsWith('.one') && !keys.has(key.replace(/\.one$/, '.other'))) || (key.endsWith('.other') && !keys.has(key.replace(/\.other$/, '.one'))))
    expect(lonely).toEqual([])
  })
})
