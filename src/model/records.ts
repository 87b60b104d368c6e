import type { AnnotationId, CommentId, LinkId, PersonaId, StageId, TouchpointId } from './ids'

/** The three phases of every journey, in the order they are drawn. */
export const PHASES = ['before', 'during', 'after'] as const
export type Phase = (typeof PHASES)[number]
/** An annotation may hang on a phase as a whole: `phase:before`. */
export type PhaseTargetId = `phase:${Phase}`

export const ANNOTATION_KINDS = [
  'functional-need',
  'emotional-need',
  'pain-point',
  'moment-of-truth',
  'opportunity',
  'note',
] as const
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number]

export const NEED_STATUSES = ['met', 'partly', 'unmet'] as const
export type NeedStatus = (typeof NEED_STATUSES)[number]

export const EMOTION_MIN = -2
export const EMOTION_MAX = 2
export const PRIORITY_MIN = 1
export const PRIORITY_MAX = 5

/** Channels offered in the UI; the field is free text so a team can name its own. */
export const CHANNELS = ['app', 'web', 'phone', 'store', 'email', 'sms', 'social', 'in person', 'letter', 'chat'] as const

export interface Meta {
  schemaVersion: number
  title: string
  description: string
  /** BCP 47 language of the map's content: `en`, `da`, `sv`, `nb`. */
  locale: string
  /** ISO 8601 timestamp. */
  createdAt: string
}

/** A recognisable customer type, drawn as a swimlane. */
export interface Persona {
  id: PersonaId
  name: string
  description: string
  /** CSS hex colour of the lane. */
  color: string
  /** Fractional index: lanes sort by it (ties by id). */
  order: string
}

/** An ordered step inside one of the three phases, drawn as a column. */
export interface Stage {
  id: StageId
  phase: Phase
  title: string
  order: string
}

/** One interaction between customer and company, in the cell (stage × persona) it names. */
export interface Touchpoint {
  id: TouchpointId
  stageId: StageId
  personaId: PersonaId
  title: string
  description: string
  channel: string
  /** The owning department. */
  owner: string
  /** −2..2, or null when not yet scored; draws the emotion curve. */
  emotion: number | null
  /** 1 (highest) .. 5, or null. */
  priority: number | null
  order: string
}

export type AnnotationTargetId = PersonaId | StageId | TouchpointId | PhaseTargetId

export interface Annotation {
  id: AnnotationId
  targetId: AnnotationTargetId
  kind: AnnotationKind
  text: string
  /** Only needs carry a status; null elsewhere. */
  status: NeedStatus | null
  /** Participant id → number of votes that participant placed. */
  votes: Record<string, number>
  order: string
}

export interface Link {
  id: LinkId
  from: TouchpointId
  to: TouchpointId
  label: string
}

export interface Comment {
  id: CommentId
  targetId: string
  author: string
  text: string
  createdAt: string
  resolved: boolean
}

export interface RecordsByCollection {
  personas: Persona
  stages: Stage
  touchpoints: Touchpoint
  annotations: Annotation
  links: Link
  comments: Comment
}
export type CollectionName = keyof RecordsByCollection
export const COLLECTIONS = ['personas', 'stages', 'touchpoints', 'annotations', 'links', 'comments'] as const satisfies readonly CollectionName[]
export type AnyRecord = RecordsByCollection[CollectionName]

/** A read-only picture of a whole map: what the store holds and what exports read. */
export interface Snapshot {
  meta: Meta
  personas: Readonly<Record<string, Persona>>
  stages: Readonly<Record<string, Stage>>
  touchpoints: Readonly<Record<string, Touchpoint>>
  annotations: Readonly<Record<string, Annotation>>
  links: Readonly<Record<string, Link>>
  comments: Readonly<Record<string, Comment>>
}

export function isNeedKind(kind: AnnotationKind): boolean {
  return kind === 'functional-need' || kind === 'emotional-need'
}
