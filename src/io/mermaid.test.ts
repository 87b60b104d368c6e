import { describe, expect, it } from 'vitest'
import { sortedPersonas, sortedStages, byOrder, type Snapshot } from '../model'
import { getTemplate } from '../templates'
import { buildServiceVisitMap, EMOJI } from '../test/maps'
import { journeyMermaid, parseJourneyMermaid, readMermaidFile, scoreOf } from './mermaid'

/** What a Mermaid journey can carry: stages, personas and the cards in each cell with their emotion. */
function journeyShape(snapshot: Snapshot) {
  const personas = sortedPersonas(snapshot)
  return {
    title: snapshot.meta.title,
    personas: personas.map((p) => p.name),
    stages: sortedStages(snapshot).map((s) => ({
      phase: s.phase,
      title: s.title,
      cells: personas.map((p) =>
        Object.values(snapshot.touchpoints)
          .filter((t) => t.stageId === s.id && t.personaId === p.id)
          .sort(byOrder)
          .map((t) => [t.title, t.emotion]),
      ),
    })),
  }
}

function imported(text: string): Snapshot {
  const result = parseJourneyMermaid(text)
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'))
  return result.snapshot
}

describe('Mermaid export', () => {
  it('writes title, sections in journey order, tasks with score and actor', () => {
    const { snapshot } = buildServiceVisitMap()
    const text = journeyMermaid(snapshot)
    const lines = text.split('\n')
    expect(lines[0]).toBe('journey')
    expect(lines[1]).toBe('  title Bilservice꞉ Karolines verkstedbesøk')
    const sections = lines.filter((l) => l.startsWith('  section ')).map((l) => l.slice(10))
    expect(sections).toEqual(sortedStages(snapshot).map((s) => s.title))
    expect(text).toContain(EMOJI)
    expect(text).toContain('Karoline Ødegård')
  })

  it('maps emotion −2..2 onto 1..5, and no emotion onto 3 with a comment saying so', () => {
    expect([-2, -1, 0, 1, 2].map(scoreOf)).toEqual([1, 2, 3, 4, 5])
    expect(scoreOf(null)).toBe(3)
    const { snapshot } = buildServiceVisitMap()
    const card = Object.values(snapshot.touchpoints)[0]
    card.emotion = null
    card.title = 'Ingen følelse'
    const lines = journeyMermaid(snapshot).split('\n')
    const at = lines.findIndex((l) => l.trim().startsWith('Ingen følelse:'))
    expect(lines[at]).toMatch(/: 3: /)
    expect(lines[at - 1]).toMatch(/^\s*%% unscored/)
  })

  it("escapes ':' '#' ';' '%' and line breaks, and keywords at the start of a task", () => {
    const { snapshot } = buildServiceVisitMap()
    const card = Object.values(snapshot.touchpoints)[0]
    card.title = 'section 2: #1; 50%\nnext'
    const task = journeyMermaid(snapshot)
      .split('\n')
      .find((l) => l.includes('50%'))!
    const name = task.trim().split(':')[0]
    expect(name).not.toMatch(/[#;\n]/)
    expect(name).not.toMatch(/^section/)
    expect(task.trim().split(':')).toHaveLength(3)
  })
})

describe('Mermaid export → import', () => {
  it('keeps stages, phases, personas, cards and emotions of the test map, with æøå and emoji', () => {
    const { snapshot } = buildServiceVisitMap()
    Object.values(snapshot.touchpoints)[1].emotion = null
    const back = imported(journeyMermaid(snapshot))
    expect(journeyShape(back)).toEqual(journeyShape(snapshot))
    // The map's language travels in a comment, so its PDF and CSV headings stay Norwegian.
    expect(snapshot.meta.locale).toBe('nb')
    expect(back.meta.locale).toBe('nb')
  })

  it.each(['karoline-car-service-nb', 'insurance-claim-da', 'bank-simple-transfer-en'])('keeps the template %s', (id) => {
    const template = getTemplate(id)
    expect(template, id).toBeDefined()
    const snapshot = template!.build()
    expect(journeyShape(imported(journeyMermaid(snapshot)))).toEqual(journeyShape(snapshot))
  })

  it('keeps names that hold the grammar’s own characters', () => {
    const { snapshot } = buildServiceVisitMap()
    snapshot.meta.title = 'Reise: #1; 😀'
    Object.values(snapshot.stages)[0].title = 'Før: bestilling; #2'
    Object.values(snapshot.touchpoints)[0].title = 'title %% 100%: ja; #3 æøå'
    Object.values(snapshot.personas)[0].name = '%Karoline, 42: ønsker 🚗'
    expect(journeyShape(imported(journeyMermaid(snapshot)))).toEqual(journeyShape(snapshot))
  })
})

describe('Mermaid import', () => {
  it('reads a hand-written journey from the Mermaid documentation', () => {
    const snapshot = imported(
      ['journey', '    title My working day', '    section Go to work', '      Make tea: 5: Me', '      Go upstairs: 3: Me', '      Do work: 1: Me, Cat', '    section Go home', '      Go downstairs: 5: Me', '      Sit down: 5: Me'].join('\n'),
    )
    expect(snapshot.meta.title).toBe('My working day')
    expect(sortedPersonas(snapshot).map((p) => p.name)).toEqual(['Me', 'Cat'])
    expect(sortedStages(snapshot).map((s) => s.title)).toEqual(['Go to work', 'Go home'])
    // A task with two actors becomes a card in each lane.
    expect(Object.values(snapshot.touchpoints).filter((t) => t.title === 'Do work')).toHaveLength(2)
    expect(Object.values(snapshot.touchpoints).find((t) => t.title === 'Make tea')!.emotion).toBe(2)
  })

  it('reads the journey out of a Markdown file, naming lines of the file', () => {
    const md = ['# Our journey', '', '```mermaid', 'journey', '  section Før', '    Bestille: 4: Karoline', '    Betale: seks: Karoline', '```', ''].join('\n')
    const result = parseJourneyMermaid(md)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toEqual([{ path: 'line 7', message: "a task needs a score 1–5 after ':'" }])
    expect(imported(md.replace('seks', '2')).meta.title).toBe('')
  })

  it('names the line of every bad line and returns nothing', () => {
    const text = ['journey', '  title Reise', '  section Før', '    Bestille time: 4: Karoline', '    Ringe verkstedet', '    Vente: 0: Karoline', '    Betale: 9: Karoline', '  section', '  %% phase: midway'].join('\n')
    const result = parseJourneyMermaid(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      "line 5: expected 'title …', 'section …' or a task 'name: score: actors'",
      "line 6: a task needs a score 1–5 after ':'",
      "line 7: a task needs a score 1–5 after ':'",
      "line 8: a section needs a name after 'section'",
      'line 9: a phase is before, during, after, not "midway"',
    ])
  })

  it("refuses text that is not a journey, naming the line", () => {
    const result = parseJourneyMermaid('\n\nflowchart LR\n  A --> B\n')
    expect(result).toEqual({ ok: false, errors: [{ path: 'line 3', message: "a Mermaid journey starts with the line 'journey'" }] })
    expect(parseJourneyMermaid('').ok).toBe(false)
  })

  it("reads front matter's title, skips '#' comments as Mermaid does, and refuses ';' and ':' in a section", () => {
    const snapshot = imported(['---', 'title: "Før og etter 😀"', '---', 'journey', '  section Før # the first stage', '    Bestille: 4: Åse # by phone'].join('\n'))
    expect(snapshot.meta.title).toBe('Før og etter 😀')
    expect(sortedStages(snapshot).map((s) => s.title)).toEqual(['Før'])
    expect(sortedPersonas(snapshot).map((p) => p.name)).toEqual(['Åse'])
    const result = parseJourneyMermaid('journey\n  section A: B\n    Bestille: 4: Åse; Bo\n')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['line 2', 'line 3'])
  })

  it('puts a task with no actor in the first lane, or a new one when there is none', () => {
    const snapshot = imported('journey\n  section A\n    Look around: 3\n')
    expect(sortedPersonas(snapshot).map((p) => p.name)).toEqual(['Customer'])
    expect(Object.values(snapshot.touchpoints)[0].emotion).toBe(0)
  })

  it('stops at the most touchpoints a map may hold, naming the first line past it', () => {
    const tasks = Array.from({ length: 50_001 }, (_, i) => `    Task ${i}: 3: Actor ${i}`)
    const result = parseJourneyMermaid(['journey', '  section A', ...tasks].join('\n'))
    expect(result).toEqual({ ok: false, errors: [{ path: 'line 50003', message: 'a map holds at most 50000 touchpoints' }] })
  })

  it('refuses a name longer than a title may be, naming its line', () => {
    const result = parseJourneyMermaid(`journey\n  section A\n    ${'x'.repeat(501)}: 3: Me\n`)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0].path).toBe('line 3')
  })
})

describe('Mermaid file', () => {
  it('reads UTF-8 with a byte order mark, keeping æøå and emoji, and refuses bytes that are not text', async () => {
    const text = '\ufeffjourney\n  title Før og etter 😀\n  section Før\n    Bestille: 4: Åse\n'
    const read = await readMermaidFile(new Blob([text]))
    expect(read.ok && read.snapshot.meta.title).toBe('Før og etter 😀')
    expect(read.ok && Object.values(read.snapshot.personas)[0].name).toBe('Åse')
    const bad = await readMermaidFile(new Blob([new Uint8Array([0x6a, 0xff, 0xfe, 0x80])]))
    expect(bad).toEqual({ ok: false, errors: [{ path: '$', message: 'the file is not UTF-8 text' }] })
  })
})
