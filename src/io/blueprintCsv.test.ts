import { describe, expect, it } from 'vitest'
import { addBlueprintItem } from '../commands'
import { readSnapshot } from '../doc'
import { sortedStages } from '../model'
import { buildServiceVisitMap } from '../test/maps'
import { loadCatalog } from '../i18n/translate'
import { journeyCsv } from './csv'

await loadCatalog('nb')

/** The cells a spreadsheet reads (RFC 4180, `;` between cells as in Norwegian Excel). */
function rowsOf(csv: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const text = csv.slice(1)
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ';') row.push(cell), (cell = '')
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else cell += ch
  }
  return rows
}

describe('the service blueprint in the map CSV', () => {
  it('adds a row per item with its lane, stage, owner and the touchpoints it serves, in three columns at the end', () => {
    const { doc, snapshot } = buildServiceVisitMap()
    const plain = rowsOf(journeyCsv(snapshot))
    const [first] = sortedStages(snapshot)
    const served = Object.values(snapshot.touchpoints).slice(0, 2)
    addBlueprintItem(doc, { lane: 'support', stageId: first.id, title: 'Faktura per post en uke senere', owner: 'Økonomi', description: 'Ingen betaling i appen', touchpointIds: served.map((t) => t.id) })
    addBlueprintItem(doc, { lane: 'frontstage', stageId: first.id, title: '=HYPERLINK("x")', owner: 'Kundeservice' })
    const rows = rowsOf(journeyCsv(readSnapshot(doc)))
    const width = plain[0].length
    expect(rows[0].slice(0, width)).toEqual(plain[0])
    expect(rows[0].slice(width)).toEqual(['Blueprint-bane', 'Blueprint-element', 'Støtter kontaktpunkter'])
    for (const row of rows) expect(row).toHaveLength(width + 3)
    // The journey's rows keep their cells; the new columns are empty for them.
    expect(rows.slice(1, plain.length).map((r) => r.slice(0, width))).toEqual(plain.slice(1))
    const items = rows.slice(plain.length)
    expect(items.map((r) => r[width + 1])).toEqual(["'=HYPERLINK(\"x\")", 'Faktura per post en uke senere'])
    const invoice = items[1]
    expect(invoice[0]).toBe('Før')
    expect(invoice[1]).toBe(first.title)
    expect(invoice[4]).toBe('Ingen betaling i appen')
    expect(invoice[6]).toBe('Økonomi')
    expect(invoice[width]).toBe('Støtteprosesser')
    expect(invoice[width + 2].split('; ').sort()).toEqual(served.map((t) => t.title).sort())
  })

  it('keeps the columns it always had for a map without a blueprint', () => {
    const rows = rowsOf(journeyCsv(buildServiceVisitMap().snapshot))
    expect(rows[0]).not.toContain('Blueprint-bane')
  })
})
