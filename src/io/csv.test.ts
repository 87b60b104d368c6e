import { describe, expect, it } from 'vitest'
import { findOrphans, type Snapshot } from '../model'
import { csvFormatFor, journeyCsv, textCell } from './csv'
import { METRIC_NAMES, printLabels } from './printLabels'
import { buildActionPlanMap, buildServiceVisitMap, EMOJI } from '../test/maps'
import { loadCatalog } from '../i18n/translate'

// Exports print in the map's language: its catalog loads first, as the app does before an export.
await Promise.all((['da', 'sv', 'nb'] as const).map(loadCatalog))

/**
 * A small RFC 4180 reader, so the test checks what a spreadsheet would see. Excel reads a
 * double-clicked file with the separator of the system's language: `;` in Danish, Swedish and
 * Norwegian, `,` in English.
 */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === separator) {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  expect(cell).toBe('') // the file ends with CRLF
  return rows
}

describe('CSV export', () => {
  const { snapshot } = buildServiceVisitMap()
  const csv = journeyCsv(snapshot)
  const labels = printLabels('nb')

  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false)
  })

  it('has the header and one row per annotation plus one per touchpoint without annotations', () => {
    const rows = parseCsv(csv.slice(1))
    const c = labels.csvColumns
    const t = labels.metricTarget
    expect(rows[0]).toEqual([
      ...[c.phase, c.stage, c.persona, c.touchpoint, c.description, c.channel, c.owner, c.emotion, c.priority, c.annotationKind, c.annotationText, c.needStatus, c.votes],
      ...[c.evidence, c.impact, c.effort],
      ...['NPS', t.nps, 'CES', t.ces, 'CSAT', t.csat],
    ])
    expect(rows[0].slice(13)).toEqual(['Belegg', 'Effekt', 'Innsats', 'NPS', 'NPS-mål', 'CES', 'CES-mål', 'CSAT', 'CSAT-mål'])
    const bare = Object.values(snapshot.touchpoints).filter((t) => !Object.values(snapshot.annotations).some((a) => a.targetId === t.id))
    expect(rows.length - 1).toBe(Object.keys(snapshot.annotations).length + bare.length)
    for (const row of rows) expect(row).toHaveLength(22)

    const byText = new Map(rows.slice(1).map((r) => [r[10], r]))
    expect(byText.get('Bestille service og dekkskift i samme bestilling')).toEqual([
      'Før',
      'Bestille time',
      'Karoline Ødegård',
      'Prøver å bestille service og dekkskift',
      '',
      'app',
      'Digital',
      '-2',
      '1',
      labels.kinds['functional-need'],
      'Bestille service og dekkskift i samme bestilling',
      labels.needStatus.unmet,
      '0',
      ...Array(9).fill(''), // nobody has said how this is known, weighed it, or measured the touchpoint
    ])
    // Votes are summed over participants.
    expect(byText.get('Bilen klar ved inngangen med nøkkel i nøkkelboks')![12]).toBe('3')
    // A persona annotation has the persona and nothing of the grid; a phase note has the phase.
    expect(byText.get('Slippe å bruke lunsjpausen på bilen')!.slice(0, 4)).toEqual(['', '', 'Karoline Ødegård', ''])
    expect(byText.get('Etterpå-fasen eies av tre avdelinger; ingen har helheten')!.slice(0, 4)).toEqual(['Etter', '', '', ''])
    // A touchpoint without annotations still has its row.
    const efaktura = rows.find((r) => r[3] === 'Får e-faktura')!
    expect(efaktura.slice(9)).toEqual(Array(13).fill(''))
  })

  it('keeps æ ø å and emoji intact', () => {
    expect(csv).toContain('Karoline Ødegård')
    expect(csv).toContain('Erik Åsheim')
    expect(csv).toContain(`Får kaffe og en prat i resepsjonen ${EMOJI}`)
  })

  it('lists annotations whose target is gone, so nothing is lost', () => {
    const note = Object.values(snapshot.annotations).find((a) => a.text.startsWith('Papirfaktura'))!
    const broken: Snapshot = { ...snapshot, touchpoints: Object.fromEntries(Object.entries(snapshot.touchpoints).filter(([id]) => id !== note.targetId)) }
    expect(findOrphans(broken).annotations.map((a) => a.id)).toContain(note.id)
    const rows = parseCsv(journeyCsv(broken).slice(1))
    expect(rows.find((r) => r[10] === note.text)!.slice(0, 4)).toEqual(['', '', '', ''])
  })
})

describe('CSV export of evidence, assessments and metrics', () => {
  const rows = parseCsv(journeyCsv(buildActionPlanMap().snapshot).slice(1))
  const column = (name: string) => rows[0].indexOf(name)
  const labels = printLabels('nb')
  const byText = new Map(rows.slice(1).map((r) => [r[10], r]))

  it('gives each annotation row its evidence, impact and effort', () => {
    expect(byText.get('Appen sier «ring verkstedet», som stengte klokken 17.00')![column('Belegg')]).toBe(labels.evidence.observed)
    expect(byText.get('Ti dagers ventetid føles altfor lenge når lampen lyser')![column('Belegg')]).toBe('Målt')
    expect(byText.get('Bestille service og dekkskift i samme bestilling')![column('Belegg')]).toBe('Antatt')
    const opportunity = byText.get('Kombinert booking av service og dekkhotell i appen')!
    expect([opportunity[column('Effekt')], opportunity[column('Innsats')]]).toEqual(['5', '3'])
    expect(opportunity[column('Belegg')]).toBe('')
  })

  it("repeats the touchpoint's metrics and targets on each of its rows, as plain numbers", () => {
    const queue = rows.filter((r) => r[3] === 'Venter to minutter i kø')
    expect(queue.length).toBeGreaterThan(0)
    // Norwegian Excel reads a decimal comma as a number (and a decimal point as text).
    for (const row of queue) expect(row.slice(column(METRIC_NAMES.nps))).toEqual(['-12', '30', '3,5', '5', '62', '80'])
    const booking = rows.find((r) => r[3] === 'Prøver å bestille service og dekkskift')!
    expect(booking.slice(column('NPS'))).toEqual(['-40', '20', '2', '', '', ''])
    // A persona's annotation has no touchpoint, so no metrics.
    expect(byText.get('Slippe å bruke lunsjpausen på bilen')!.slice(column('NPS'))).toEqual(Array(6).fill(''))
  })
})

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks (RFC 4180)', () => {
    expect(textCell('plain')).toBe('plain')
    expect(textCell('a, b')).toBe('"a, b"')
    expect(textCell('she said "hi"')).toBe('"she said ""hi"""')
    expect(textCell('two\nlines')).toBe('"two\nlines"')
    expect(textCell('cr\r\nlf')).toBe('"cr\r\nlf"')
    expect(parseCsv(`${textCell('a, "b"\nc')},x\r\n`, ',')).toEqual([['a, "b"\nc', 'x']])
    // Quoted for both separators, so the cell stays whole whichever one the reader uses.
    expect(textCell('ring kunden; i dag')).toBe('"ring kunden; i dag"')
    expect(textCell('kolonne\tto')).toBe('"kolonne\tto"')
  })

  it('neutralise text a spreadsheet would run as a formula', () => {
    expect(textCell('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`)
    expect(textCell('+47 22 00 00 00')).toBe("'+47 22 00 00 00")
    expect(textCell('-1 for ventetid')).toBe("'-1 for ventetid")
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(textCell('\t=1')).toBe(`"'\t'=1"`)
    expect(textCell('ærlig = bra')).toBe('ærlig = bra')
    expect(textCell('ring - senere')).toBe('ring - senere')
  })

  it('neutralise formula starts after every separator and line break, not only at the start', () => {
    expect(textCell('ring kunden;=1+1')).toBe(`"ring kunden;'=1+1"`)
    expect(textCell('svar,+47 22 00 00 00')).toBe(`"svar,'+47 22 00 00 00"`)
    expect(textCell('a\t-2+3')).toBe(`"a\t'-2+3"`)
    expect(textCell('første linje\n@SUM(A1)')).toBe(`"første linje\n'@SUM(A1)"`)
    expect(textCell('a;  =1')).toBe(`"a;  '=1"`)
    expect(textCell('  =1')).toBe("  '=1")
  })
})

/** Cells starting like a formula; a plain number such as `-2` is a number, not a formula. */
const formulaCells = (rows: string[][]) => rows.flat().filter((cell) => /^[=+\-@]/.test(cell) && !/^-?\d+(,\d+)?$/.test(cell))

describe('CSV opened in a Scandinavian Excel (`;`)', () => {
  const hostile = ['ring kunden;=1+1', '=HYPERLINK("http://x";"Klik")', 'a,+1', 'Svar\t-2', 'linje\n@SUM(A1)', ';=cmd|\' /C calc\'!A0', 'Åse 🚗; -5 kr']
  function hostileMap(locale: string): Snapshot {
    const { snapshot } = buildServiceVisitMap()
    const [first, ...rest] = Object.values(snapshot.touchpoints)
    const annotations = Object.values(snapshot.annotations).map((a, i) => ({ ...a, text: hostile[i % hostile.length] }))
    return {
      ...snapshot,
      meta: { ...snapshot.meta, locale },
      touchpoints: Object.fromEntries([{ ...first, title: hostile[0], description: hostile[1], owner: hostile[2], channel: hostile[3] }, ...rest].map((t) => [t.id, t])),
      annotations: Object.fromEntries(annotations.map((a) => [a.id, a])),
    }
  }

  it.each(['da', 'sv', 'nb'])('%s: written with `;`, every row in columns, no cell starts a formula', (locale) => {
    const csv = journeyCsv(hostileMap(locale))
    expect(csvFormatFor(locale).separator).toBe(';')
    const rows = parseCsv(csv.slice(1), ';')
    for (const row of rows) expect(row).toHaveLength(22)
    expect(formulaCells(rows)).toEqual([])
    // The text itself survives, with only the guard added.
    expect(rows.flat()).toContain("ring kunden;'=1+1")
    expect(rows.flat()).toContain("Åse 🚗; '-5 kr")
  })

  it('a reader that ignores quotes and splits at every `;`, `,`, tab and line break still finds no formula', () => {
    for (const locale of ['da', 'en']) {
      const pieces = journeyCsv(hostileMap(locale)).slice(1).split(/[;,\t\r\n]/)
      const starts = pieces.map((p) => p.replace(/^"/, '')).filter((p) => /^\s*[=+@]|^\s*-(?!\d+$)/.test(p))
      expect(starts).toEqual([])
    }
  })

  it('an English map keeps `,` and decimal points', () => {
    const { snapshot } = buildActionPlanMap()
    const rows = parseCsv(journeyCsv({ ...snapshot, meta: { ...snapshot.meta, locale: 'en' } }).slice(1), ',')
    for (const row of rows) expect(row).toHaveLength(22)
    expect(rows.flat()).toContain('3.5')
  })
})
