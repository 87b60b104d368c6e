/**
 * Random edits through the real commands, for relay tests: a participant adding, changing,
 * moving and deleting cards, stages, annotations and comments on its own view of the map.
 */
import type * as Y from 'yjs'
import {
  addAnnotation,
  addComment,
  addPersona,
  addStage,
  addTouchpoint,
  CommandError,
  deleteTouchpoint,
  moveTouchpoint,
  renameStage,
  setEmotion,
  setMeta,
  updateTouchpoint,
} from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import { ANNOTATION_KINDS, PHASES } from '../../src/model'

/** A seeded generator (shared with the document fuzz), so a failing run can be replayed. */
export { mulberry32 as seededRandom } from '../../src/test/seededRandom'

const WORDS = ['Bestilling', 'Værksted', 'Købsrejse', 'Kundeservice', 'Åbning', 'Försäkring', 'Ønske', '🚗 Bil', 'Løsning ✨', 'Ankomst']

/** Run one random command on `doc`; a command refused on a stale view counts as done (nothing was written). */
export function randomEdit(doc: Y.Doc, random: () => number): void {
  const pick = <T>(items: readonly T[]): T | undefined => (items.length ? items[Math.floor(random() * items.length)] : undefined)
  const text = () => `${pick(WORDS)} ${Math.floor(random() * 1000)}`
  const view = readSnapshot(doc)
  const stages = Object.values(view.stages)
  const personas = Object.values(view.personas)
  const cards = Object.values(view.touchpoints)
  const roll = random()
  try {
    if (roll < 0.35 || cards.length === 0) {
      const stage = pick(stages)
      const persona = pick(personas)
      if (stage && persona) addTouchpoint(doc, { stageId: stage.id, personaId: persona.id, title: text(), emotion: Math.floor(random() * 5) - 2 })
    } else if (roll < 0.5) updateTouchpoint(doc, pick(cards)!.id, { title: text(), description: text() })
    else if (roll < 0.6) setEmotion(doc, pick(cards)!.id, Math.floor(random() * 5) - 2)
    else if (roll < 0.68) moveTouchpoint(doc, pick(cards)!.id, { stageId: pick(stages)!.id, personaId: pick(personas)!.id, index: 0 })
    else if (roll < 0.76) addAnnotation(doc, { targetId: pick(cards)!.id, kind: pick(ANNOTATION_KINDS)!, text: text() })
    else if (roll < 0.82) addComment(doc, { targetId: pick(cards)!.id, author: 'Åsa', text: text() })
    else if (roll < 0.87) renameStage(doc, pick(stages)!.id, text())
    else if (roll < 0.91) addStage(doc, { phase: pick(PHASES)!, title: text() })
    else if (roll < 0.93) addPersona(doc, { name: text() })
    else if (roll < 0.97) deleteTouchpoint(doc, pick(cards)!.id)
    else setMeta(doc, { title: text() })
  } catch (error) {
    if (!(error instanceof CommandError)) throw error
  }
}
