// The export lives in src/io (where files are made); its test sits with the plan's other views.
import { describe, expect, it } from 'vitest'
import type { ActionId, AnnotationId } from '../model'
import { actionPlanCsv } from '../io/actionPlanCsv'
import { fixedMap } from '../test/fixedMap'
import { loadCatalog } from '../i18n/translate'

// Exports print in the map's language: its catalog loads first, as the app does before an export.
await Promise.all((['da', 'sv', 'nb'] as const).map(loadCatalog))

describe('action plan CSV', () => {
  it('starts with a BOM, ends rows with CRLF, one row per action in plan order', () => {
    const csv = actionPlanCsv(fixedMap())
    expect(csv.startsWith('\ufeffAction,Owner (department),Measure,Target,Due date,Status,Addresses,Where on the map\r\n')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = csv.slice(1).split('\r\n').filter(Boolean)
    expect(rows).toHaveLength(4)
    expect(rows[1]).toBe('Åpen booking på kveldstid,Verksted,Bookinger etter kl. 17,30 %,2026-06-01,In progress,Pain point: Verkstedet er stengt kl. 17,Ringer sentralbordet')
    expect(rows[3]).toBe('Ring-tilbake,,,,,Planned,,')
  })

  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    const map = fixedMap()
    const id = 'action:evil' as ActionId
    map.actions = {
      [id]: { id, title: '=HYPERLINK("http://x","Klik")', owner: '+Økonomi', measure: 'Svar, ikke kø', target: '-5 %', dueDate: '', status: 'blocked', addresses: ['annotation:closed' as AnnotationId, 'annotation:rental' as AnnotationId], order: 'a0' },
    }
    const row = actionPlanCsv(map).split('\r\n')[1]
    expect(row).toBe(`"'=HYPERLINK(""http://x"",""Klik"")",'+Økonomi,"Svar, ikke kø",'-5 %,,Blocked,"Pain point: Verkstedet er stengt kl. 17\nPain point: Må betale for leiebil",Ringer sentralbordet`)
  })

  it('is written with `;` for a Danish, Swedish or Norwegian map, and no cell starts a formula', () => {
    const planned = { da: 'Planlagt', sv: 'Planerad', nb: 'Planlagt' }
    for (const locale of ['da', 'sv', 'nb'] as const) {
      const map = fixedMap()
      map.meta = { ...map.meta, locale }
      const id = 'action:evil' as ActionId
      map.actions = { [id]: { id, title: 'Ring kunden;=1+1', owner: 'Økonomi 💶', measure: 'Svar,@SUM(A1)', target: '-5 %', dueDate: '', status: 'planned', addresses: [], order: 'a0' } }
      const [header, row] = actionPlanCsv(map).slice(1).split('\r\n')
      expect(header.split(';')).toHaveLength(8)
      // The status in the map's language, as the board shows it (a Norwegian plan was English before).
      expect(row).toBe(`"Ring kunden;'=1+1";Økonomi 💶;"Svar,'@SUM(A1)";'-5 %;;${planned[locale]};;`)
      // Split the way Excel would (the cells with a `;` inside are quoted, so split outside quotes).
      const cells = row.match(/("([^"]|"")*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, '').replace(/^"|"$/g, ''))
      expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([])
    }
  })
})
