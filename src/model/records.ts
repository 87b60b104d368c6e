import type { ActionId, AnnotationId, BlueprintItemId, CommentId, FeedbackLinkId, FeedbackSetId, LinkId, PersonaId, PromiseId, QuoteId, ServicePriorityId, StageId, TouchpointId } from './ids'

/** The three phases of every journey, in the order they are drawn. */
export const PHASES = ['before', 'during', 'after'] as const
export type Phase = (typeof PHASES)[number]
/** An annotation may hang on a phase as a whole: `phase:before`. */
export type PhaseTargetId = `phase:${Phase}`

export function isPhaseTargetId(value: unknown): value is PhaseTargetId {
  return PHASES.some((p) => value === `phase:${p}`)
}

const PHASE_OF_TARGET: Record<PhaseTargetId, Phase> = { 'phase:before': 'before', 'phase:during': 'during', 'phase:after': 'after' }

export function phaseOfTarget(id: PhaseTargetId): Phase {
  return PHASE_OF_TARGET[id]
}

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

/**
 * How well a claim is known: an assumption from the workshop room, something seen (interviews,
 * mystery shopping), or a number from a survey or a system. Managers read a measured pain point
 * differently from an assumed one.
 */
export const EVIDENCE_LEVELS = ['assumed', 'observed', 'measured'] as const
export type Evidence = (typeof EVIDENCE_LEVELS)[number]

/** Impact and effort of an opportunity, for the priority matrix: 1 (low) .. 5 (high). */
export const SCALE_MIN = 1
export const SCALE_MAX = 5

/** Touchpoint metrics (seed 002/003): Net Promoter Score, Customer Effort Score, CSAT in percent. */
export const METRIC_RANGES = {
  nps: { min: -100, max: 100 },
  ces: { min: 1, max: 7 },
  csat: { min: 0, max: 100 },
} as const
export type MetricName = keyof typeof METRIC_RANGES
export const METRICS = ['nps', 'ces', 'csat'] as const satisfies readonly MetricName[]

/** A touchpoint's metrics before anyone measured anything: spread into a new touchpoint. */
export const METRICS_UNSET = Object.freeze({ nps: null, npsTarget: null, ces: null, cesTarget: null, csat: null, csatTarget: null })

/** An annotation nobody has weighed yet: no evidence, impact or effort. Spread into a new annotation. */
export const ASSESSMENT_UNSET = Object.freeze({ evidence: null, impact: null, effort: null })

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'blocked'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

/** A map is the journey as it is today, or a redesign of one (its to-be), linked both ways by map id. */
export const MAP_VARIANTS = ['as-is', 'to-be'] as const
export type MapVariant = (typeof MAP_VARIANTS)[number]

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
  /** Beyond contract 3's meta (additive): which side of an as-is/to-be pair this map is. */
  variant: MapVariant
  /** The server map id of this to-be's as-is, or ''. */
  asIsMapId: string
  /** The server map id of this as-is's to-be, or ''. */
  toBeMapId: string
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
  /** Net Promoter Score −100..100 measured at this touchpoint, and its target; null when not set. */
  nps: number | null
  npsTarget: number | null
  /** Customer Effort Score 1..7 (7 = least effort) and its target. */
  ces: number | null
  cesTarget: number | null
  /** Customer satisfaction 0..100 (% satisfied) and its target. */
  csat: number | null
  csatTarget: number | null
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
  /** How the team knows this; null when nobody said. */
  evidence: Evidence | null
  /** For opportunities (any kind may carry them): 1..5 or null, placing it on the priority matrix. */
  impact: number | null
  effort: number | null
  order: string
  /** The writer's name, for a note that came from a writing round that was not anonymous; absent otherwise. */
  author?: string
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

/** One step of the action plan (seed 002): SMART, owned by a department, linked to what it fixes. */
export interface Action {
  id: ActionId
  title: string
  /** The owning department. */
  owner: string
  /** How progress is measured ("waiting time on the phone"). */
  measure: string
  /** The level to reach ("under 90 s"). */
  target: string
  /** '' or a calendar date YYYY-MM-DD. */
  dueDate: string
  status: ActionStatus
  /**
   * The pain points and needs this action fixes (annotation ids). A plain array value: the list is
   * edited as a whole from one form, and a concurrent edit keeps one side's list rather than
   * interleaving two. Ids whose annotation was deleted are ignored by readers.
   */
  addresses: AnnotationId[]
  order: string
}

/** A customer promise: what the customer should always experience (seed 002's "kundeløfter"). */
export interface CustomerPromise {
  id: PromiseId
  text: string
  order: string
}

/** A measurable proof point under a promise, linked to the touchpoints where it is kept or broken. */
export interface ServicePriority {
  id: ServicePriorityId
  promiseId: PromiseId
  text: string
  measure: string
  target: string
  /** Touchpoint ids; a plain array value, as `Action.addresses`. */
  touchpointIds: TouchpointId[]
  order: string
}

/**
 * A customer-feedback data set, by reference: its responses are stored on the server
 * (`/api/maps/<id>/feedback/<id>`), never in the document; the document knows its name, size and
 * date range so every participant sees what a measured figure rests on.
 */
export interface FeedbackSet {
  id: FeedbackSetId
  name: string
  /** First and last response day (`YYYY-MM-DD`), '' when none had a date. */
  from: string
  to: string
  responses: number | null
  createdAt: string
}

/** Which stage or touchpoint a value of a data set's stage/touchpoint column means. */
export interface FeedbackLink {
  id: FeedbackLinkId
  setId: FeedbackSetId
  /** The sheet's value, as written there. */
  value: string
  targetId: StageId | TouchpointId
}

/**
 * A customer's comment pinned to an annotation as evidence: the words and where they came from
 * (data set, response number, metric, score, day, channel), so the card and the PDF can quote
 * them to anyone, viewers included, without the data set's other comments.
 */
export interface Quote {
  id: QuoteId
  annotationId: AnnotationId
  setId: FeedbackSetId
  /** The response's number in its data set (1 = first row imported). */
  response: number | null
  text: string
  kind: 'nps' | 'ces' | 'csat' | null
  score: number | null
  date: string
  channel: string
}

/**
 * The service blueprint's lanes under the customer's journey, top to bottom: what the customer
 * sees and touches (physical evidence), what staff do in front of the customer (frontstage),
 * what staff do out of sight (backstage), and the processes and systems that support them.
 * The line of interaction lies above frontstage, the line of visibility between frontstage and
 * backstage, the line of internal interaction above support.
 */
export const BLUEPRINT_LANES = ['evidence', 'frontstage', 'backstage', 'support'] as const
export type BlueprintLane = (typeof BLUEPRINT_LANES)[number]

/** One step of the organisation behind the journey, in a blueprint lane of a stage column. */
export interface BlueprintItem {
  id: BlueprintItemId
  lane: BlueprintLane
  stageId: StageId
  title: string
  description: string
  /** The department that does it. */
  owner: string
  /**
   * The touchpoints it serves. A set: a nested Y.Map of id → true in the document, so two
   * people linking at once both keep theirs; an array in a snapshot and in JSON. Ids whose
   * touchpoint was deleted are ignored by readers.
   */
  touchpointIds: TouchpointId[]
  /** Fractional index among the items of its lane and stage. */
  order: string
}

export interface RecordsByCollection {
  personas: Persona
  stages: Stage
  touchpoints: Touchpoint
  annotations: Annotation
  links: Link
  comments: Comment
  actions: Action
  promises: CustomerPromise
  servicePriorities: ServicePriority
  feedbackSets: FeedbackSet
  feedbackLinks: FeedbackLink
  quotes: Quote
  blueprintItems: BlueprintItem
}
export type CollectionName = keyof RecordsByCollection
export const COLLECTIONS = [
  'personas',
  'stages',
  'touchpoints',
  'annotations',
  'links',
  'comments',
  'actions',
  'promises',
  'servicePriorities',
  'feedbackSets',
  'feedbackLinks',
  'quotes',
  'blueprintItems',
] as const satisfies readonly CollectionName[]
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
  actions: Readonly<Record<string, Action>>
  promises: Readonly<Record<string, CustomerPromise>>
  servicePriorities: Readonly<Record<string, ServicePriority>>
  feedbackSets: Readonly<Record<string, FeedbackSet>>
  feedbackLinks: Readonly<Record<string, FeedbackLink>>
  quotes: Readonly<Record<string, Quote>>
  blueprintItems: Readonly<Record<string, BlueprintItem>>
}

export function isNeedKind(kind: AnnotationKind): boolean {
  return kind === 'functional-need' || kind === 'emotional-need'
}
