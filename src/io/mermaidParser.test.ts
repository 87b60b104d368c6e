// @vitest-environment happy-dom
/**
 * Every template, exported as a Mermaid journey, is read by Mermaid's own parser (the `mermaid`
 * package, a development dependency): what we write is what a README or a wiki will render.
 */
import mermaid from 'mermaid'
import { describe, expect, it } from 'vitest'
import { TEMPLATES } from '../templates'
import { buildServiceVisitMap } from '../test/maps'
import { journeyMermaid, parseJourneyMermaid } from './mermaid'

describe("Mermaid's parser", () => {
  it('refuses a broken journey, so passing below means something', async () => {
    await expect(mermaid.parse('journey\n  section A\n    Book a slot 5 Karoline\n')).rejects.toThrow()
    await expect(mermaid.parse('journey\n  section A\n    Pay; by card: 3: Karoline\n')).rejects.toThrow()
  })

  it('agrees with our import on front matter and # comments', async () => {
    const text = ['---', 'title: "Før og etter 😀"', '---', 'journey', '  section Før # the first stage', '    Bestille: 4: Åse # by phone'].join('\n')
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'journey' })
    expect(parseJourneyMermaid(text).ok).toBe(true)
  })

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('parses the exported template %s', async (_, template) => {
    const snapshot = template.build()
    const text = journeyMermaid(snapshot)
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'journey' })
    expect(parseJourneyMermaid(text).ok).toBe(true)
  })

  it('parses a map whose names hold every character the grammar reserves', async () => {
    const { snapshot } = buildServiceVisitMap()
    const stage = Object.values(snapshot.stages)[0]
    const card = Object.values(snapshot.touchpoints)[0]
    const persona = Object.values(snapshot.personas)[0]
    snapshot.meta.title = 'Title: with # and ; and\nnew line 😀'
    stage.title = 'section: ønsker # ; åäö'
    card.title = 'title 50% off: now # then; later\nline two 🚗'
    persona.name = 'Karoline, 42: journey'
    const text = journeyMermaid(snapshot)
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'journey' })
    const back = parseJourneyMermaid(text)
    expect(back.ok).toBe(true)
  })
})
