/**
 * Random user intents for the convergence fuzz: every command in src/commands, weighted roughly
 * by how often people do them in a workshop, each picking its targets from what this peer can
 * see right now (its own, possibly stale, view of the map).
 *
 * Entries call commands through `c.commands`, a table that notes each command that ran to the
 * end, so a test can prove that every command src/commands exports was drawn and ran (see
 * `trackCommands` and `NOT_USER_COMMANDS`). A command added later and forgotten here fails it.
 *
 * Each entry picks arguments that are valid on the peer's view, so a `CommandError` is a failure
 * of the fuzz, never an expected outcome (except in `refusedEdit`, which asserts the refusal).
 */
import type * as Y from 'yjs'
import * as commandIndex from '../commands'
import * as writingRoundCommands from '../commands/writingRound'
import { CommandError } from '../commands'
import { readWorkshop } from '../doc'
import {
  ACTION_STATUSES,
  ANNOTATION_KINDS,
  BLUEPRINT_LANES,
  CHANNELS,
  EVIDENCE_LEVELS,
  findOrphans,
  isNeedKind,
  MAP_VARIANTS,
  NEED_STATUSES,
  PHASES,
  votesSpent,
  createId,
  WRITING_KINDS,
  type AnnotationId,
  type AnnotationKind,
  type AnnotationTargetId,
  type Snapshot,
  type TouchpointId,
} from '../model'
import type { SeededRandom } from './seededRandom'

/**
 * Every command: the index's, and the writing round's, which stay out of the index so the
 * interface that uses them loads them only while a round is on.
 */
const allCommands = { ...commandIndex, ...writingRoundCommands }
export type Commands = typeof allCommands

/**
 * Exports of src/commands that are not user intents, each with why the fuzz does not draw it.
 * Everything else src/commands exports must run in the fuzz.
 */
export const NOT_USER_COMMANDS: Readonly<Record<string, string>> = {
  CommandError: 'the error class commands throw, not a command',
  transactLocal: 'the transaction wrapper every command runs in',
  getRecord: 'a read helper the commands share',
  requireRecord: 'a read helper the commands share',
  listRecords: 'a read helper the commands share',
  insertRecord: 'the validated insert every add* command goes through',
  patchRecord: 'the field-by-field write every update command goes through',
  orderAt: 'the fractional-index helper of the add and move commands',
}

/** The same commands, noting in `called` the name of each that returned without throwing. */
export function trackCommands(called: Set<string>): Commands {
  const tracked: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(allCommands)) {
    if (typeof value !== 'function' || name in NOT_USER_COMMANDS) {
      tracked[name] = value
      continue
    }
    tracked[name] = (...args: unknown[]) => {
      const result = (value as (...a: unknown[]) => unknown)(...args)
      called.add(name)
      return result
    }
  }
  return tracked as Commands
}

/** The names of the functions src/commands exports that are user intents. */
export function exportedUserCommands(): string[] {
  return Object.entries(allCommands)
    .filter(([name, value]) => typeof value === 'function' && !(name in NOT_USER_COMMANDS))
    .map(([name]) => name)
    .sort()
}

export interface CommandContext {
  doc: Y.Doc
  undo: Y.UndoManager
  /** The commands to call (tracked: see `trackCommands`). */
  commands: Commands
  /** This peer's current view. */
  view: Snapshot
  random: SeededRandom
  /** A clock that only moves forward, so comment timestamps and timers replay with the seed. */
  now: Date
  /** The participant: comment author and voter id. */
  author: string
  /** Earlier states of the map this peer saw, as the versions a facilitator may restore. */
  versions: readonly Snapshot[]
}

type RandomCommand = (c: CommandContext) => void

/**
 * Who may draw an entry. `content` is what every participant's interface offers; `facilitator`
 * is what only the facilitator's offers (the workshop controls, which the relay also enforces,
 * and restoring a version, which it does not).
 */
export type CommandRole = 'content' | 'facilitator'

export interface RandomCommandEntry {
  weight: number
  role: CommandRole
  run: RandomCommand
}

const values = <T>(record: Readonly<Record<string, T>>) => Object.values(record)
const emotion = (r: SeededRandom) => (r.chance(0.15) ? null : r.int(-2, 2))
const priority = (r: SeededRandom) => (r.chance(0.3) ? null : r.int(1, 5))
const scale = (r: SeededRandom) => (r.chance(0.2) ? null : r.int(1, 5))
const date = (r: SeededRandom) => (r.chance(0.2) ? '' : `2026-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`)
const DEPARTMENTS = ['Verksted', 'Økonomi', 'Salg', 'Kundeservice']

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

/** A few of `ids`, in random order (possibly none). */
function someOf<T>(random: SeededRandom, ids: readonly T[], max = 3): T[] {
  return random.shuffle(ids).slice(0, random.int(0, Math.min(max, ids.length)))
}

/** What a facilitator puts to the vote: mostly pain points, and mostly a kind the map has. */
function votingKind(r: SeededRandom, view: Snapshot): AnnotationKind {
  const present = [...new Set(values(view.annotations).map((a) => a.kind))]
  if (r.chance(0.8) && present.length) return present.includes('pain-point') && r.chance(0.6) ? 'pain-point' : r.pick(present)
  return r.pick(ANNOTATION_KINDS)
}

export const RANDOM_COMMANDS: Record<string, RandomCommandEntry> = {
  addPersona: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => void commands.addPersona(doc, { name: random.text(), index: random.int(0, values(view.personas).length) }),
  },
  updatePersona: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const p = random.maybePick(values(view.personas))
      if (!p) return
      if (random.chance(0.5)) commands.renamePersona(doc, p.id, random.text())
      else commands.updatePersona(doc, p.id, { description: random.text(), color: random.pick(['#4f7cff', '#e8663d', '#2fa67a']) })
    },
  },
  movePersona: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const p = random.maybePick(values(view.personas))
      if (p) commands.movePersona(doc, p.id, random.int(0, values(view.personas).length))
    },
  },
  deletePersona: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const p = random.maybePick(values(view.personas))
      if (p) commands.deletePersona(doc, p.id)
    },
  },

  addStage: {
    weight: 4,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const phase = random.pick(PHASES)
      commands.addStage(doc, { phase, title: random.text(), index: random.int(0, values(view.stages).filter((s) => s.phase === phase).length) })
    },
  },
  renameStage: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const s = random.maybePick(values(view.stages))
      if (s) commands.renameStage(doc, s.id, random.text())
    },
  },
  moveStage: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const s = random.maybePick(values(view.stages))
      if (!s) return
      const phase = random.chance(0.5) ? s.phase : random.pick(PHASES)
      commands.moveStage(doc, s.id, { phase, index: random.int(0, values(view.stages).filter((x) => x.phase === phase).length) })
    },
  },
  deleteStage: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const s = random.maybePick(values(view.stages))
      if (s) commands.deleteStage(doc, s.id)
    },
  },

  addTouchpoint: {
    weight: 12,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const stage = random.maybePick(values(view.stages))
      const persona = random.maybePick(values(view.personas))
      if (!stage || !persona) return
      commands.addTouchpoint(doc, {
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
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const t = random.maybePick(values(view.touchpoints))
      if (!t) return
      switch (random.int(0, 3)) {
        case 0:
          return commands.setEmotion(doc, t.id, emotion(random))
        case 1:
          return commands.setPriority(doc, t.id, priority(random))
        case 2:
          return commands.updateTouchpoint(doc, t.id, { title: random.text(), description: random.text() })
        default:
          return commands.updateTouchpoint(doc, t.id, { channel: random.pick(CHANNELS), owner: random.pick(DEPARTMENTS) })
      }
    },
  },
  setTouchpointMetrics: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const t = random.maybePick(values(view.touchpoints))
      if (!t) return
      const nullable = (value: number) => (random.chance(0.2) ? null : value)
      switch (random.int(0, 2)) {
        case 0:
          return commands.setTouchpointMetrics(doc, t.id, { nps: nullable(random.int(-100, 100)), npsTarget: nullable(random.int(0, 100)) })
        case 1:
          return commands.setTouchpointMetrics(doc, t.id, { ces: nullable(random.int(10, 70) / 10), cesTarget: nullable(random.int(1, 7)) })
        default:
          return commands.setTouchpointMetrics(doc, t.id, { csat: nullable(random.int(0, 1000) / 10), csatTarget: nullable(random.int(50, 100)) })
      }
    },
  },
  moveTouchpoint: {
    weight: 6,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      // Unplaced cards are the ones people most need to move: give them a fair chance.
      const orphans = findOrphans(view).touchpoints
      const t = random.chance(0.3) && orphans.length ? random.pick(orphans) : random.maybePick(values(view.touchpoints))
      const stage = random.maybePick(values(view.stages))
      const persona = random.maybePick(values(view.personas))
      if (!t || !stage || !persona) return
      const samePlace = random.chance(0.3)
      commands.moveTouchpoint(doc, t.id, {
        stageId: samePlace && view.stages[t.stageId] ? t.stageId : stage.id,
        personaId: samePlace && view.personas[t.personaId] ? t.personaId : persona.id,
        index: random.int(0, 4),
      })
    },
  },
  deleteTouchpoint: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const all = values(view.touchpoints)
      if (all.length === 0) return
      if (random.chance(0.8)) commands.deleteTouchpoint(doc, random.pick(all).id)
      else
        commands.deleteTouchpoints(
          doc,
          random
            .shuffle(all)
            .slice(0, random.int(1, 3))
            .map((t) => t.id),
        )
    },
  },

  addAnnotation: {
    weight: 10,
    role: 'content',
    run: (c) => {
      const targetId = annotationTarget(c)
      if (!targetId) return
      const kind = c.random.pick(ANNOTATION_KINDS)
      c.commands.addAnnotation(c.doc, {
        targetId,
        kind,
        text: c.random.text(),
        status: isNeedKind(kind) && c.random.chance(0.5) ? c.random.pick(NEED_STATUSES) : undefined,
        evidence: c.random.chance(0.3) ? c.random.pick(EVIDENCE_LEVELS) : undefined,
      })
    },
  },
  editAnnotation: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const a = random.maybePick(values(view.annotations))
      if (!a) return
      commands.editAnnotation(doc, a.id, random.chance(0.7) ? { text: random.text() } : { kind: random.pick(ANNOTATION_KINDS) })
    },
  },
  setNeedStatus: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const need = random.maybePick(values(view.annotations).filter((a) => isNeedKind(a.kind)))
      if (need) commands.setNeedStatus(doc, need.id, random.chance(0.9) ? random.pick(NEED_STATUSES) : null)
    },
  },
  setEvidence: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const a = random.maybePick(values(view.annotations))
      if (a) commands.setEvidence(doc, a.id, random.chance(0.8) ? random.pick(EVIDENCE_LEVELS) : null)
    },
  },
  /** Impact and effort on the priority matrix: often one of the two, so two scorers overlap. */
  assessAnnotation: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const opportunities = values(view.annotations).filter((a) => a.kind === 'opportunity')
      const a = random.chance(0.7) && opportunities.length ? random.pick(opportunities) : random.maybePick(values(view.annotations))
      if (!a) return
      const which = random.int(0, 2)
      commands.assessAnnotation(doc, a.id, which === 0 ? { impact: scale(random) } : which === 1 ? { effort: scale(random) } : { impact: scale(random), effort: scale(random) })
    },
  },
  reattachAnnotation: {
    weight: 2,
    role: 'content',
    run: (c) => {
      const orphans = findOrphans(c.view).annotations
      const a = orphans.length && c.random.chance(0.6) ? c.random.pick(orphans) : c.random.maybePick(values(c.view.annotations))
      const targetId = annotationTarget(c)
      if (a && targetId) c.commands.reattachAnnotation(c.doc, a.id, targetId)
    },
  },
  deleteAnnotation: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const a = random.maybePick(values(view.annotations))
      if (a) commands.deleteAnnotation(doc, a.id)
    },
  },

  linkTouchpoints: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const [from, to] = random.shuffle(values(view.touchpoints))
      if (from && to) commands.linkTouchpoints(doc, from.id, to.id, random.chance(0.5) ? random.text() : '')
    },
  },
  relabelLink: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const l = random.maybePick(values(view.links))
      if (l) commands.relabelLink(doc, l.id, random.text())
    },
  },
  deleteLink: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const l = random.maybePick(values(view.links))
      if (l) commands.deleteLink(doc, l.id)
    },
  },

  addComment: {
    weight: 4,
    role: 'content',
    run: (c) => {
      const targetId = c.random.chance(0.2) ? c.random.maybePick(values(c.view.annotations))?.id : annotationTarget(c)
      if (targetId) c.commands.addComment(c.doc, { targetId, author: c.author, text: c.random.text(), now: c.now })
    },
  },
  /** A reply: a comment whose target is the comment it answers. */
  replyToComment: {
    weight: 2,
    role: 'content',
    run: (c) => {
      const root = c.random.maybePick(values(c.view.comments).filter((x) => !x.targetId.startsWith('comment:')))
      if (root) c.commands.addComment(c.doc, { targetId: root.id, author: c.author, text: c.random.text(), now: c.now })
    },
  },
  /** Resolve an open thread or reopen a resolved one. */
  setCommentResolved: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const comment = random.maybePick(values(view.comments))
      if (comment) commands.setCommentResolved(doc, comment.id, !comment.resolved)
    },
  },
  deleteComment: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const comment = random.maybePick(values(view.comments))
      if (comment) commands.deleteComment(doc, comment.id)
    },
  },

  addAction: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const source = random.chance(0.6) ? random.maybePick(values(view.annotations).filter((a) => a.kind === 'pain-point' || isNeedKind(a.kind))) : undefined
      if (source) commands.addAction(doc, { fromAnnotation: source.id, ...(random.chance(0.3) ? { dueDate: date(random) } : {}) })
      else commands.addAction(doc, { title: random.text(), owner: random.pick(DEPARTMENTS), addresses: someOf(random, values(view.annotations).map((a) => a.id)) })
    },
  },
  addActionsFor: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const open = values(view.annotations).filter((a) => a.kind === 'pain-point' || isNeedKind(a.kind))
      commands.addActionsFor(doc, someOf(random, open.map((a) => a.id)))
    },
  },
  updateAction: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const a = random.maybePick(values(view.actions))
      if (!a) return
      switch (random.int(0, 3)) {
        case 0:
          return commands.updateAction(doc, a.id, { title: random.text(), owner: random.pick(DEPARTMENTS) })
        case 1:
          return commands.updateAction(doc, a.id, { measure: random.text(), target: random.text() })
        case 2:
          return commands.updateAction(doc, a.id, { dueDate: date(random) })
        default:
          return commands.setActionStatus(doc, a.id, random.pick(ACTION_STATUSES))
      }
    },
  },
  /**
   * Link a pain point or need to an action, or unlink one: two people doing it at once is the
   * case issue 9 is about. Now and then the whole list is set at once, as `updateAction` allows.
   */
  linkActionAnnotation: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const a = random.maybePick(values(view.actions))
      if (!a) return
      const linked = a.addresses.filter((id) => view.annotations[id])
      const unlinked = values(view.annotations).filter((x) => !a.addresses.includes(x.id))
      if (random.chance(0.15)) commands.updateAction(doc, a.id, { addresses: someOf(random, values(view.annotations).map((x) => x.id)) })
      else if (linked.length && (random.chance(0.35) || unlinked.length === 0)) commands.unlinkActionAnnotation(doc, a.id, random.pick(linked))
      else if (unlinked.length) commands.linkActionAnnotation(doc, a.id, random.pick(unlinked).id)
    },
  },
  deleteAction: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const a = random.maybePick(values(view.actions))
      if (a) commands.deleteAction(doc, a.id)
    },
  },

  addPromise: { weight: 2, role: 'content', run: ({ commands, doc, random }) => void commands.addPromise(doc, { text: random.text() }) },
  updatePromise: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const p = random.maybePick(values(view.promises))
      if (p) commands.updatePromise(doc, p.id, random.text())
    },
  },
  deletePromise: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const p = random.maybePick(values(view.promises))
      if (p) commands.deletePromise(doc, p.id)
    },
  },
  addServicePriority: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const p = random.maybePick(values(view.promises))
      if (!p) return
      commands.addServicePriority(doc, {
        promiseId: p.id,
        text: random.text(),
        measure: random.chance(0.5) ? random.text() : undefined,
        touchpointIds: someOf(random, values(view.touchpoints).map((t) => t.id)),
      })
    },
  },
  updateServicePriority: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      // Priorities left without a promise (deleted concurrently) are the ones to move under another.
      const orphans = findOrphans(view).servicePriorities
      const sp = random.chance(0.4) && orphans.length ? random.pick(orphans) : random.maybePick(values(view.servicePriorities))
      if (!sp) return
      const promise = random.maybePick(values(view.promises))
      if (promise && (random.chance(0.3) || !view.promises[sp.promiseId])) commands.updateServicePriority(doc, sp.id, { promiseId: promise.id })
      else commands.updateServicePriority(doc, sp.id, random.chance(0.5) ? { text: random.text() } : { measure: random.text(), target: random.text() })
    },
  },
  /** Link a touchpoint that proves a service priority, or unlink one. */
  linkPriorityTouchpoint: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const sp = random.maybePick(values(view.servicePriorities))
      if (!sp) return
      const linked = sp.touchpointIds.filter((id) => view.touchpoints[id])
      const unlinked = values(view.touchpoints).filter((t) => !sp.touchpointIds.includes(t.id))
      if (linked.length && (random.chance(0.35) || unlinked.length === 0)) commands.unlinkPriorityTouchpoint(doc, sp.id, random.pick(linked) as TouchpointId)
      else if (unlinked.length) commands.linkPriorityTouchpoint(doc, sp.id, random.pick(unlinked).id)
    },
  },
  deleteServicePriority: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const sp = random.maybePick(values(view.servicePriorities))
      if (sp) commands.deleteServicePriority(doc, sp.id)
    },
  },

  /** The service blueprint: items in lanes under the stages, linked to the touchpoints they serve. */
  addBlueprintItem: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const stage = random.maybePick(values(view.stages))
      if (!stage) return
      commands.addBlueprintItem(doc, {
        lane: random.pick(BLUEPRINT_LANES),
        stageId: stage.id,
        title: random.text(),
        owner: random.pick(DEPARTMENTS),
        touchpointIds: someOf(random, values(view.touchpoints).map((t) => t.id)),
        index: random.chance(0.5) ? random.int(0, 3) : undefined,
      })
    },
  },
  updateBlueprintItem: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const item = random.maybePick(values(view.blueprintItems))
      if (!item) return
      commands.updateBlueprintItem(doc, item.id, random.chance(0.5) ? { title: random.text() } : { owner: random.pick(DEPARTMENTS), description: random.text() })
    },
  },
  /** Move an item to another lane or stage, or reorder it; unplaced items (stage deleted concurrently) are the ones to place. */
  moveBlueprintItem: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const orphans = findOrphans(view).blueprintItems
      const item = random.chance(0.4) && orphans.length ? random.pick(orphans) : random.maybePick(values(view.blueprintItems))
      const stage = random.maybePick(values(view.stages))
      if (!item || !stage) return
      commands.moveBlueprintItem(doc, item.id, { lane: random.chance(0.5) ? item.lane : random.pick(BLUEPRINT_LANES), stageId: stage.id, index: random.int(0, 3) })
    },
  },
  /** Link a touchpoint an item serves, or unlink one. */
  linkBlueprintTouchpoint: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const item = random.maybePick(values(view.blueprintItems))
      if (!item) return
      const linked = item.touchpointIds.filter((id) => view.touchpoints[id])
      const unlinked = values(view.touchpoints).filter((t) => !item.touchpointIds.includes(t.id))
      if (linked.length && (random.chance(0.35) || unlinked.length === 0)) commands.unlinkBlueprintTouchpoint(doc, item.id, random.pick(linked) as TouchpointId)
      else if (unlinked.length) commands.linkBlueprintTouchpoint(doc, item.id, random.pick(unlinked).id)
    },
  },
  deleteBlueprintItem: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const item = random.maybePick(values(view.blueprintItems))
      if (item) commands.deleteBlueprintItem(doc, item.id)
    },
  },

  /** Import a data set (its reference and value links; the responses live on the server). */
  addFeedbackSet: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view, now }) => {
      const targets = [...values(view.stages).map((s) => s.id), ...values(view.touchpoints).map((t) => t.id)]
      const from = date(random)
      commands.addFeedbackSet(doc, {
        name: random.text(),
        from,
        to: from,
        responses: random.int(1, 50_000),
        createdAt: now.toISOString(),
        links: someOf(random, targets).map((targetId, i) => ({ value: `${random.text()} ${i}`, targetId })),
      })
    },
  },
  renameFeedbackSet: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const set = random.maybePick(values(view.feedbackSets))
      if (set) commands.renameFeedbackSet(doc, set.id, random.text())
    },
  },
  /** Link a sheet value to another stage or touchpoint, or to nothing. */
  linkFeedbackValue: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const set = random.maybePick(values(view.feedbackSets))
      if (!set) return
      const known = values(view.feedbackLinks).filter((l) => l.setId === set.id).map((l) => l.value)
      const value = random.chance(0.7) && known.length ? random.pick(known) : random.text()
      const target = random.chance(0.2) ? undefined : random.maybePick([...values(view.stages).map((s) => s.id), ...values(view.touchpoints).map((t) => t.id)])
      commands.linkFeedbackValue(doc, set.id, value, target ?? null)
    },
  },
  removeFeedbackSet: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const set = random.maybePick(values(view.feedbackSets))
      if (set) commands.removeFeedbackSet(doc, set.id)
    },
  },
  /** Pin a customer's comment to an annotation as a quote. */
  pinQuote: {
    weight: 2,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const set = random.maybePick(values(view.feedbackSets))
      const annotation = random.maybePick(values(view.annotations))
      if (!set || !annotation) return
      commands.pinQuote(doc, {
        annotationId: annotation.id,
        setId: set.id,
        response: random.int(1, 500),
        text: random.text(),
        kind: random.pick(['nps', 'ces', 'csat'] as const),
        score: random.int(1, 5),
        date: date(random),
        channel: random.chance(0.5) ? random.pick(CHANNELS) : '',
      })
    },
  },
  unpinQuote: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const quote = random.maybePick(values(view.quotes))
      if (quote) commands.unpinQuote(doc, quote.id)
    },
  },

  setMeta: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random }) => commands.setMeta(doc, random.chance(0.5) ? { title: random.text() } : { description: random.text() }),
  },
  setMapVariant: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random }) => {
      const mapId = () => (random.chance(0.3) ? '' : `m${random.int(1000, 9999)}-${random.int(0, 99)}`)
      commands.setMapVariant(doc, random.chance(0.5) ? { variant: random.pick(MAP_VARIANTS), asIsMapId: mapId() } : { toBeMapId: mapId() })
    },
  },
  deleteRecords: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const pool = [...values(view.touchpoints), ...values(view.annotations), ...values(view.comments), ...values(view.links), ...values(view.actions), ...values(view.servicePriorities)]
      if (pool.length)
        commands.deleteRecords(
          doc,
          random
            .shuffle(pool)
            .slice(0, random.int(1, 4))
            .map((r) => r.id),
        )
    },
  },
  /** Restore an earlier version: its content written as new changes over whatever is there now. */
  replaceContent: {
    weight: 1,
    role: 'facilitator',
    run: ({ commands, doc, random, versions }) => {
      const version = random.maybePick(versions)
      if (version) commands.replaceContent(doc, version)
    },
  },

  /** An out-of-range value: refused, naming the field, and nothing written (no update leaves the peer). */
  refusedEdit: {
    weight: 1,
    role: 'content',
    run: ({ commands, doc, random, view }) => {
      const t = random.maybePick(values(view.touchpoints))
      if (!t) return
      let wrote = false
      const noticeWrite = () => void (wrote = true)
      doc.on('update', noticeWrite)
      const [field, value] = random.chance(0.5) ? (['emotion', random.pick([3, -3, 1.5, 9])] as const) : (['priority', random.pick([0, 6, 2.5])] as const)
      try {
        commands.updateTouchpoint(doc, t.id, { [field]: value })
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

  // The facilitator's workshop controls. Only facilitators draw them where roles exist.
  setLocked: {
    weight: 2,
    role: 'facilitator',
    run: ({ commands, doc }) => commands.setLocked(doc, !readWorkshop(doc).locked),
  },
  timer: {
    weight: 3,
    role: 'facilitator',
    run: ({ commands, doc, random, now }) => {
      const { timer } = readWorkshop(doc)
      const at = now.getTime()
      const roll = random.next()
      if (timer.status === 'stopped' || roll < 0.15) commands.startTimer(doc, random.int(1, 20) * 60_000, at)
      else if (roll < 0.6) timer.status === 'running' ? commands.pauseTimer(doc, at) : commands.resumeTimer(doc, at)
      else if (roll < 0.8) commands.extendTimer(doc, 60_000, at)
      else commands.stopTimer(doc)
    },
  },
  votingRound: {
    weight: 3,
    role: 'facilitator',
    run: ({ commands, doc, random, view }) => {
      const { voting } = readWorkshop(doc)
      if (!voting || random.chance(0.15)) return void commands.openVotingRound(doc, { kind: votingKind(random, view), budget: random.int(1, 5) })
      const roll = random.int(0, 2)
      if (roll === 0) commands.revealVotes(doc, !voting.revealed)
      else if (roll === 1 && voting.status === 'open') commands.closeVotingRound(doc)
      else commands.endVoting(doc)
    },
  },
  /** A silent writing round: started (sometimes on the timer, sometimes anonymous), revealed, closed. */
  writingRound: {
    weight: 2,
    role: 'facilitator',
    run: ({ commands, doc, random, now }) => {
      const { writing } = readWorkshop(doc)
      if (!writing || random.chance(0.15)) {
        const timerMs = random.chance(0.4) ? random.int(1, 10) * 60_000 : undefined
        return void commands.startWritingRound(doc, { kind: random.pick(WRITING_KINDS), anonymous: random.chance(0.3), timerMs, now: now.getTime() })
      }
      if (writing.status === 'writing' && random.chance(0.7)) commands.revealWritingRound(doc)
      else commands.endWritingRound(doc)
    },
  },
  /** Once a round is revealed, a participant's notes land: a few, on stages and touchpoints, some already landed. */
  landNotes: {
    weight: 3,
    role: 'content',
    run: ({ commands, doc, random, view, author }) => {
      const { writing } = readWorkshop(doc)
      if (writing?.status !== 'revealed') return
      const targets = [...values(view.stages), ...values(view.touchpoints)].map((t) => t.id)
      if (!targets.length) return
      const landedBefore = values(view.annotations).filter((a) => a.kind === writing.kind)
      const notes: { id: AnnotationId; targetId: AnnotationTargetId; text: string }[] = Array.from({ length: random.int(1, 3) }, () => ({ id: createId('annotation'), targetId: random.pick(targets), text: random.text() }))
      const again = random.maybePick(landedBefore)
      if (again) notes.push({ id: again.id, targetId: again.targetId, text: again.text })
      commands.landNotes(doc, notes, { kind: writing.kind, author: writing.anonymous ? undefined : author })
    },
  },
  /** The facilitator merges one duplicate into another of the same kind (votes of others move with it). */
  mergeAnnotations: {
    weight: 2,
    role: 'facilitator',
    run: ({ commands, doc, random, view }) => {
      const from = random.maybePick(values(view.annotations))
      const into = from && random.maybePick(values(view.annotations).filter((a) => a.kind === from.kind && a.id !== from.id))
      if (from && into) commands.mergeAnnotations(doc, from.id, into.id)
    },
  },
  /** A participant places or takes back a vote in the open round, within the budget. */
  castVote: {
    weight: 5,
    role: 'content',
    run: ({ commands, doc, random, view, author }) => {
      const { voting } = readWorkshop(doc)
      if (!voting || voting.status !== 'open') return
      const candidates = values(view.annotations).filter((a) => a.kind === voting.kind)
      const mine = candidates.filter((a) => (a.votes[author] ?? 0) > 0)
      const canAdd = votesSpent(view, voting.kind, author) < voting.budget
      if (mine.length && (!canAdd || random.chance(0.3))) commands.castVote(doc, random.pick(mine).id, author, -1)
      else if (canAdd && candidates.length) commands.castVote(doc, random.pick(candidates).id, author, 1)
    },
  },

  undo: { weight: 7, role: 'content', run: ({ undo }) => void undo.undo() },
  redo: { weight: 4, role: 'content', run: ({ undo }) => void undo.redo() },
}

export const COMMAND_WEIGHTS = weightsFor(['content', 'facilitator'])

/** Weights of the entries open to the given roles, for `SeededRandom.weighted`. */
export function weightsFor(roles: readonly CommandRole[]): Record<string, number> {
  return Object.fromEntries(Object.entries(RANDOM_COMMANDS).flatMap(([name, c]) => (roles.includes(c.role) ? [[name, c.weight]] : [])))
}
