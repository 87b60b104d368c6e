import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../doc'
import { createTestDoc } from '../test/factories'
import { addTouchpoint, deleteLink, linkTouchpoints, relabelLink } from '.'

describe('links between touchpoints', () => {
  it('links two cards, relabels and deletes the link; linking the same pair again returns the same link', () => {
    const { doc, during, persona, touchpoint } = createTestDoc()
    const call = addTouchpoint(doc, { stageId: during, personaId: persona, title: 'Ringer sentralbordet' })
    const link = linkTouchpoints(doc, touchpoint, call, 'bedt om å ringe')
    expect(readSnapshot(doc).links[link]).toMatchObject({ from: touchpoint, to: call, label: 'bedt om å ringe' })
    expect(linkTouchpoints(doc, touchpoint, call)).toBe(link)
    relabelLink(doc, link, 'neste dag')
    expect(readSnapshot(doc).links[link].label).toBe('neste dag')
    deleteLink(doc, link)
    expect(readSnapshot(doc).links).toEqual({})
  })

  it('refuses a link from a card to itself', () => {
    const { doc, touchpoint } = createTestDoc()
    expect(() => linkTouchpoints(doc, touchpoint, touchpoint)).toThrow(/^to: /)
  })
})
