import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAnnotation, addPersona, addStage, addTouchpoint } from '../commands'
import { readSnapshot } from '../doc'
import { inJourneyOrder } from './journeyOrder'
import type { PersonaId, StageId } from './ids'

describe('journey order', () => {
  it('reads left to right through the stages, then down the lanes, card by card', () => {
    const doc = new Y.Doc()
    const first = addStage(doc, { phase: 'before', title: 'Oppdager' }) as StageId
    const late = addStage(doc, { phase: 'after', title: 'Faktura' }) as StageId
    const ana = addPersona(doc, { name: 'Åse' }) as PersonaId
    const bo = addPersona(doc, { name: 'Bø' }) as PersonaId
    const onLateCard = addTouchpoint(doc, { stageId: late, personaId: ana, title: 'Faktura kommer' })
    const onBo = addTouchpoint(doc, { stageId: first, personaId: bo, title: 'Ser annonse' })
    const onAna = addTouchpoint(doc, { stageId: first, personaId: ana, title: 'Får lys 🚗' })
    const texts = [
      [onLateCard, 'sent faktura'],
      [onBo, 'Bø ser ikke prisen'],
      [late, 'faktura på papir'],
      [onAna, 'Åse blir usikker'],
      [first, 'trinnet selv'],
    ] as const
    for (const [targetId, text] of texts) addAnnotation(doc, { targetId, kind: 'pain-point', text })
    const s = readSnapshot(doc)
    const ordered = inJourneyOrder(s, Object.values(s.annotations).map((annotation) => ({ annotation })))
    expect(ordered.map((r) => r.annotation.text)).toEqual(['trinnet selv', 'Åse blir usikker', 'Bø ser ikke prisen', 'faktura på papir', 'sent faktura'])
  })
})
