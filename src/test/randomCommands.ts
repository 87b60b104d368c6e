/**
 * Random user intents for the convergence fuzz: every command in src/commands, weighted roughly
 * by how often people do them in a workshop, each picking its targets from what this peer can
 * see right now (its own, possibly stale, view of the map).
 */
import type * as Y from 'yjs'
import {
  addAnnotation,
  addComment,
  addPersona,
  addStage,
  addTouchpoint,
  CommandError,
  deleteAnnotation,
  deleteComment,
  deleteLink,
  deletePersona,
  deleteRecords,
  deleteStage,
  deleteTouchpoint,
  deleteTouchpoints,
  editAnnotation,
  linkTouchpoints,
  movePersona,
  moveStage,
  moveTouchpoint,
  reattachAnnotation,
  relabelLink,
  renamePersona,
  renameStage,
  setCommentResolved,
  setEmotion,
  setMeta,
  setNeedStatus,
  setPriority,
  updatePersona,
  updateTouchpoint,
} from '../commands'
import {
  ANNOTATION_KINDS,
  CHANNELS,
  findOrphans,
  isNeedKind,
  NEED_STATUSES,
  PHASES,
  type AnnotationTargetId,
  type Snapshot,
} from '../model'
import type { SeededRandom } from './seededRandom'

export interface CommandContext {
  doc: Y.Doc
  undo: Y.UndoManager
  /** This peer's current view. */
  view: Snapshot
  random: SeededRandom
  /** A clock that only moves forward, so comment timestamps replay with the seed. */
  now: Date
  author: string
}

type RandomCommand = (c: CommandContext) => void

const values = <T>(record: Readonly<Record<string, T>>) => Object.values(record)
const emotion = (r: SeededRandom) => (r.chance(0.15) ? null : r.int(-2, 2))
const priority = (r: SeededRandom) => (r.chance(0.3) ? null : r.int(1, 5))

function annotationTarget({ view, random }: CommandContext): AnnotationTargetId | undefined {
  const candidates: AnnotationTargetId[] = [
    ...PHASES.map((p) => `phase:${p}` as const),
    ...values(view.personas).map((p) => p.id),
    ...values(view.stages).map((s) => s.id),
    ...values(view.touchpoints).map((t) => t.id),
    ...values(view.touchpoints).map((t) => t.id), // cards are annotated most
  ]
  return random.maybePick(candidates)
}

export const RANDOM_COMMANDS: Record<string, { weight: number; run: RandomCommand }> = {
  addPersona: { weight: 3, run: ({ doc, random, view }) => void addPersona(doc, { name: random.text(), index: random.int(0, values(view.personas).length) }) },
  updatePersona: {
    weight: 2,
    run: ({ doc, random, view }) => {
      const p = random.maybePick(values(view.personas))
      if (!p) return
      if (random.chance(0.5)) renamePersona(doc, p.id, random.text())
      else updatePersona(doc, p.id, { description: random.text(), color: random.pick(['#4f7cff', '#e8663d', '#2fa67a']) })
    },
  },
  movePersona: {
    weight: 2,
    run: ({ doc, random, view }) => {
      const p = random.maybePick(values(view.personas))
      if (p) movePersona(doc, p.id, random.int(0, values(view.personas).length))
    },
  },
  deletePersona: {
    weight: 1,
    run: ({ doc, random, view }) => {
      const p = random.maybePick(values(view.personas))
      if (p) deletePersona(doc, p.id)
    },
  },

  addStage: {
    weight: 4,
    run: ({ doc, random, view }) => {
      const phase = random.pick(PHASES)
      addStage(doc, { phase, title: random.text(), index: random.int(0, values(view.stages).filter((s) => s.phase === phase).length) })
    },
  },
  renameStage: {
    weight: 2,
    run: ({ doc, random, view }) => {
      const s = random.maybePick(values(view.stages))
      if (s) renameStage(doc, s.id, random.text())
    },
  },
  moveStage: {
    weight: 3,
    run: ({ doc, random, view }) => {
      const s = random.maybePick(values(view.stages))
      if (!s) return
      const phase = random.chance(0.5) ? s.phase : random.pick(PHASES)
      moveStage(doc, s.id, { phase, index: random.int(0, values(view.stages).filter((x) => x.phase === phase).length) })
    },
  },
  deleteStage: {
    weight: 2,
    run: ({ doc, random, view }) => {
      const s = random.maybePick(values(view.stages))
      if (s) deleteStage(doc, s.id)
    },
  },

  addTouchpoint: {
    weight: 12,
    run: ({ doc, random, view }) => {
      const stage = random.maybePick(values(view.stages))
      const persona = random.maybePick(values(view.personas))
      if (!stage || !persona) return
      addTouchpoint(doc, {
        stageId: stage.id,
        personaId: persona.id,
        title: random.text(),
        channel: random.pick(CHANNELS),
        emotion: emotion(random),
        priority: priority(random),
        index: random.chance(0.5) ? random.int(0, 3) : undefined,
      })
    },
  },
  updateTouchpoint: {
    weight: 6,
    run: ({ doc, random, view }) => {
      const t = random.maybePick(values(view.touchpoints))
      if (!t) return
      switch (random.int(0, 3)) {
        case 0:
          return setEmotion(doc, t.id, emotion(random))
        case 1:
          return setPriority(doc, t.id, priority(random))
        case 2:
          return updateTouchpoint(doc, t.id, { title: random.text(), description: random.text() })
        default:
          return updateTouchpoint(doc, t.id, { channel: random.pick(CHANNELS), owner: random.pick(['Verksted', 'Økonomi', 'Salg']) })
      }
    },
  },
  moveTouchpoint: {
    weight: 6,
    run: ({ doc, random, view }) => {
      // Unplaced cards are the ones people most need to move: give them a fair chance.
      const orphans = findOrphans(view).touchpoints
      const t = random.chance(0.3) && orphans.length ? random.pick(orphans) : random.maybePick(values(view.touchpoints))
      const stage = random.maybePick(values(view.stages))
      const persona = random.maybePick(values(view.personas))
      if (!t || !stage || !persona) return
      const samePlace = random.chance(0.3)
      moveTouchpoint(doc, t.id, {
        stageId: samePlace && view.stages[t.stageId] ? t.stageId : stage.id,
        personaId: samePlace && view.personas[t.personaId] ? t.personaId : persona.id,
        index: random.int(0, 4),
      })
    },
  },
  deleteTouchpoint: {
    weight: 3,
    run: ({ doc, random, view }) => {
      const all = values(view.touchpoints)
      if (all.length === 0) return
      if (random.chance(0.8)) deleteTouchpoint(doc, random.pick(all).id)
      else deleteTouchpoints(doc, random.shuffle(all).slice(0, random.int(1, 3)).map((t) => t.id))
    },
  },

  addAnnotation: {
    weight: 10,
    run: (c) => {
      const targetId = annotationTarget(c)
      if (!targetId) return
      const kind = c.random.pick(ANNOTATION_KINDS)
      addAnnotation(c.doc, { targetId, kind, text: c.random.text(), status: isNeedKind(kind) && c.random.chance(0.5) ? c.random.pick(NEED_STATUSES) : undefined })
    },
  },
  editAnnotation: {
    weight: 3,
    run: ({ doc, random, view }) => {
      const a = random.maybePick(values(view.annotations))
      if (!a) return
      editAnnotation(doc, a.id, random.chance(0.7) ? { text: random.text() } : { kind: random.pick(ANNOTATION_KINDS) })
    },
  },
  setNeedStatus: {
    weight: 2,
    run: ({ doc, random, view }) => {
      const need = random.maybePick(values(view.annotations).filter((a) => isNeedKind(a.kind)))
      if (need) setNeedStatus(doc, need.id, random.chance(0.9) ? random.pick(NEED_STATUSES) : null)
    },
  },
  reattachAnnotation: {
    weight: 2,
    run: (c) => {
      const orphans = findOrphans(c.view).annotations
      const a = orphans.length && c.random.chance(0.6) ? c.random.pick(orphans) : c.random.maybePick(values(c.view.annotations))
      const targetId = annotationTarget(c)
      if (a && targetId) reattachAnnotation(c.doc, a.id, targetId)
    },
  },
  deleteAnnotation: {
    weight: 2,
    run: ({ doc, random, view }) => {
      const a = random.maybePick(values(view.annotations))
      if (a) deleteAnnotation(doc, a.id)
    },
  },

  linkTouchpoints: {
    weight: 3,
    run: ({ doc, random, view }) => {
      const [from, to] = random.shuffle(values(view.touchpoints))
      if (from && to) linkTouchpoints(doc, from.id, to.id, random.chance(0.5) ? random.text() : '')
    },
  },
  relabelLink: {
    weight: 1,
    run: ({ doc, random, view }) => {
      const l = random.maybePick(values(view.links))
      if (l) relabelLink(doc, l.id, random.text())
    },
  },
  deleteLink: {
    weight: 1,
    run: ({ doc, random, view }) => {
      const l = random.maybePick(values(view.links))
      if (l) deleteLink(doc, l.id)
    },
  },

  addComment: {
    weight: 4,
    run: (c) => {
      const targetId = c.random.chance(0.2) ? c.random.maybePick(values(c.view.annotations))?.id : annotationTarget(c)
      if (targetId) addComment(c.doc, { targetId, author: c.author, text: c.random.text(), now: c.now })
    },
  },
  setCommentResolved: {
    weight: 2,
    run: ({ doc, random, view }) => {
      const comment = random.maybePick(values(view.comments))
      if (comment) setCommentResolved(doc, comment.id, !comment.resolved)
    },
  },
  deleteComment: {
    weight: 1,
    run: ({ doc, random, view }) => {
      const comment = random.maybePick(values(view.comments))
      if (comment) deleteComment(doc, comment.id)
    },
  },

  setMeta: { weight: 1, run: ({ doc, random }) => setMeta(doc, random.chance(0.5) ? { title: random.text() } : { description: random.text() }) },
  deleteRecords: {
    weight: 1,
    run: ({ doc, random, view }) => {
      const pool = [...values(view.touchpoints), ...values(view.annotations), ...values(view.comments), ...values(view.links)]
      if (pool.length) deleteRecords(doc, random.shuffle(pool).slice(0, random.int(1, 4)).map((r) => r.id))
    },
  },

  /** An out-of-range value: refused, naming the field, and nothing written (no update leaves the peer). */
  refusedEdit: {
    weight: 1,
    run: ({ doc, random, view }) => {
      const t = random.maybePick(values(view.touchpoints))
      if (!t) return
      let wrote = false
      const noticeWrite = () => void (wrote = true)
      doc.on('update', noticeWrite)
      const [field, value] = random.chance(0.5) ? (['emotion', random.pick([3, -3, 1.5, 9])] as const) : (['priority', random.pick([0, 6, 2.5])] as const)
      try {
        updateTouchpoint(doc, t.id, { [field]: value })
      } catch (e) {
        if (!(e instanceof CommandError) || !e.message.includes(`.${field}:`)) throw e
        if (wrote) throw new Error(`a refused ${field} edit still wrote to the document`)
        return
      } finally {
        doc.off('update', noticeWrite)
      }
      throw new Error(`${field} = ${value} was accepted`)
    },
  },

  undo: { weight: 7, run: ({ undo }) => void undo.undo() },
  redo: { weight: 4, run: ({ undo }) => void undo.redo() },
}

export const COMMAND_WEIGHTS = Object.fromEntries(Object.entries(RANDOM_COMMANDS).map(([name, c]) => [name, c.weight]))
