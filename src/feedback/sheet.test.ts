import { describe, expect, it } from 'vitest'
import { checkResponses, dateRange, formatRowProblem } from './responses'
import { guessMapping, mapSheet, parseDay, readSheet, type Sheet } from './sheet'

const linked = (v: string) => v !== 'Ukendt trin'

function sheetOf(text: string): Sheet {
  const r = readSheet(text)
  if (!r.ok) throw new Error(r.problems.map(formatRowProblem).join('\n'))
  return r.sheet
}

describe('reading a sheet', () => {
  it('reads a TSV paste from a spreadsheet with æøå and emoji intact', () => {
    const s = sheetOf('Dato\tType\tScore\tKommentar\tKontaktpunkt\n2026-03-01\tNPS\t9\tSuper service, tak 😊 æøå\tBooking online\n')
    expect(s.delimiter).toBe('\t')
    expect(s.headers).toEqual(['Dato', 'Type', 'Score', 'Kommentar', 'Kontaktpunkt'])
    expect(s.rows[0][3]).toBe('Super service, tak 😊 æøå')
  })

  it('reads Excel’s semicolon CSV with a byte order mark and quoted line breaks', () => {
    const s = sheetOf('\ufeffdate;score;comment\n2026-03-01;7;"two\nlines; with a semicolon"\n')
    expect(s.delimiter).toBe(';')
    expect(s.headers[0]).toBe('date')
    expect(s.rows[0][2]).toBe('two\nlines; with a semicolon')
  })

  it('refuses a row with more cells than the header, naming the row', () => {
    const r = readSheet('date,score\n2026-01-01,9\n2026-01-02,8,extra\n')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(formatRowProblem(r.problems[0])).toBe('row 3, column *: 3 cells, but the header has 2')
  })

  it('refuses an unterminated quote', () => {
    const r = readSheet('date,score,comment\n2026-01-01,9,"never closed\n')
    expect(r.ok).toBe(false)
  })
})

describe('mapping columns to responses', () => {
  const text = [
    'Date,Kind,Score,Comment,Channel,Touchpoint',
    '2026-03-01,NPS,10,Hurtig og venlig 👍,web,Booking online',
    '01.03.2026,CES,6,,phone,Værkstedet',
    ',,,,,',
    '2026-03-02,CSAT,,no answer,web,Booking online',
    '2026-03-02,nps,8,,web,',
    '2026-03-03,NPS,4,,web,Ukendt trin',
  ].join('\n')

  it('guesses the mapping from headers in any of the four languages', () => {
    expect(guessMapping(['Date', 'Kind', 'Score', 'Comment', 'Channel', 'Touchpoint'])).toMatchObject({ date: 0, kind: 1, score: 2, comment: 3, channel: 4, target: 5 })
    expect(guessMapping(['Dato', 'NPS', 'Kommentar', 'Kontaktpunkt'])).toMatchObject({ date: 0, kind: null, score: 1, comment: 2, target: 3, fixedKind: 'nps' })
    expect(guessMapping(['Datum', 'CSAT', 'Steg'])).toMatchObject({ date: 0, score: 1, target: 2, fixedKind: 'csat' })
  })

  it('imports what it can and says why every other row is skipped', () => {
    const s = sheetOf(text)
    const m = mapSheet(s, guessMapping(s.headers), linked)
    expect(m.problems).toEqual([])
    expect(m.responses).toEqual([
      { date: '2026-03-01', kind: 'nps', score: 10, comment: 'Hurtig og venlig 👍', channel: 'web', target: 'Booking online' },
      { date: '2026-03-01', kind: 'ces', score: 6, comment: '', channel: 'phone', target: 'Værkstedet' },
    ])
    expect(m.rowOf).toEqual([2, 3])
    expect(m.skipped).toEqual([
      { row: 4, reason: 'blank' },
      { row: 5, reason: 'no-score' },
      { row: 6, reason: 'no-target' },
      { row: 7, reason: 'unlinked', value: 'Ukendt trin' },
    ])
    expect([...m.targets]).toEqual([['Booking online', 2], ['Værkstedet', 1], ['Ukendt trin', 1]])
  })

  it('refuses out-of-range and non-integer scores, unknown kinds and bad dates, naming row and column', () => {
    const s = sheetOf('Date,Kind,Score,Touchpoint\n2026-01-01,NPS,11,A\n2026-01-01,CES,0,A\n2026-01-01,CSAT,4.5,A\n2026-01-01,Stars,3,A\n2026-02-30,NPS,3,A\n')
    const m = mapSheet(s, guessMapping(s.headers), () => true)
    expect(m.responses).toEqual([])
    expect(m.problems.map(formatRowProblem)).toEqual([
      'row 2, column Score: expected a whole number 0..10 for NPS, got "11"',
      'row 3, column Score: expected a whole number 1..7 for CES, got "0"',
      'row 4, column Score: expected a whole number 1..5 for CSAT, got "4.5"',
      'row 5, column Kind: expected NPS, CES or CSAT, got "Stars"',
      'row 6, column Date: expected a date (2026-03-31 or 31.03.2026), got "2026-02-30"',
    ])
  })

  it('reads dates as survey tools write them', () => {
    expect(parseDay('2026-03-04')).toBe('2026-03-04')
    expect(parseDay('2026-03-04T10:22:00Z')).toBe('2026-03-04')
    expect(parseDay('4.3.2026')).toBe('2026-03-04')
    expect(parseDay('04/03/2026 12:00')).toBe('2026-03-04')
    expect(parseDay('')).toBe('')
    expect(parseDay('March 4')).toBeNull()
    expect(parseDay('31.02.2026')).toBeNull()
  })
})

describe('the server’s check of an upload', () => {
  it('accepts well-formed responses and reports the date range', () => {
    const rows = [
      { date: '2026-01-05', kind: 'nps', score: 0, comment: 'Ærgerligt 😞', channel: '', target: 'x' },
      { date: '', kind: 'csat', score: 5, comment: '', channel: '', target: 'x' },
      { date: '2026-01-01', kind: 'ces', score: 7, comment: '', channel: '', target: 'x' },
    ]
    const r = checkResponses(rows)
    expect(r.ok).toBe(true)
    expect(dateRange(rows)).toEqual({ from: '2026-01-01', to: '2026-01-05' })
  })

  it('names every bad row and field', () => {
    const r = checkResponses([
      { date: '2026-01-05', kind: 'nps', score: 10, target: 'x' },
      { date: '5/1/2026', kind: 'nps', score: 10.5, target: 'x' },
      { kind: 'stars', score: 1 },
      'text',
    ])
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems.map(formatRowProblem)).toEqual([
        'row 2, column score: expected a whole number 0..10 for NPS, got 10.5',
        'row 2, column date: expected YYYY-MM-DD, got "5/1/2026"',
        'row 3, column kind: expected nps, ces or csat, got "stars"',
        'row 4, column *: expected an object',
      ])
  })
})
