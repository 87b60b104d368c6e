/**
 * Test fixtures: plain records for the model's pure functions, and a small map built through the
 * real commands for everything that reads or writes a Y.Doc.
 */
import * as Y from 'yjs'
import {
  ASSESSMENT_UNSET,
  defaultMeta,
  emptyCollections,
  METRICS_UNSET,
  type Annotation,
  type Comment,
  type Link,
  type Persona,
  type PersonaId,
  type Snapshot,
  type Stage,
  type StageId,
  type Touchpoint,
  type TouchpointId,
} from '../model'
import { addPersona, addStage, addTouchpoint, setMeta } from '../commands'

export function makePersona(overrides: Partial<Persona> = {}): Persona {
  return { id: 'persona:p1' as PersonaId, name: 'Karoline', description: '', color: '#4f7cff', order: 'a0', ...overrides }
}

export function makeStage(overrides: Partial<Stage> = {}): Stage {
  return { id: 'stage:s1' as StageId, phase: 'before', title: 'Servicevarsel', order: 'a0', ...overrides }
}

export function makeTouchpoint(overrides: Partial<Touchpoint> = {}): Touchpoint {
  return {
    id: 'touchpoint:t1' as TouchpointId,
    stageId: 'stage:s1' as StageId,
    personaId: 'persona:p1' as PersonaId,
    title: 'Ringer sentralbordet',
    description: '',
    channel: 'phone',
    owner: 'Kundeservice',
    emotion: null,
    priority: null,
    ...METRICS_UNSET,
    order: 'a0',
    ...overrides,
  }
}

export function makeAnnotation(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: 'annotation:a1' as Annotation['id'],
    targetId: 'touchpoint:t1' as TouchpointId,
    kind: 'pain-point',
    text: 'Verkstedet er stengt',
    status: null,
    votes: {},
    ...ASSESSMENT_UNSET,
    order: 'a0',
    ...overrides,
  }
}

export function makeLink(overrides: Partial<Link> = {}): Link {
  return { id: 'link:l1' as Link['id'], from: 'touchpoint:t1' as TouchpointId, to: 'touchpoint:t2' as TouchpointId, label: '', ...overrides }
}

export function makeComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'comment:c1' as Comment['id'],
    targetId: 'touchpoint:t1',
    author: 'Tore',
    text: 'Hvorfor stenger verkstedet kl. 17?',
    createdAt: '2024-01-01T00:00:00.000Z',
    resolved: false,
    ...overrides,
  }
}

/** A snapshot from plain records, keyed by id. */
export function makeSnapshot(records: {
  personas?: Persona[]
  stages?: Stage[]
  touchpoints?: Touchpoint[]
  annotations?: Annotation[]
  links?: Link[]
  comments?: Comment[]
} = {}): Snapshot {
  const byId = <T extends { id: string }>(list: T[] = []) => Object.fromEntries(list.map((r) => [r.id, r]))
  return {
    meta: defaultMeta({ title: 'Test', createdAt: '2024-01-01T00:00:00.000Z' }),
    ...emptyCollections(),
    personas: byId(records.personas),
    stages: byId(records.stages),
    touchpoints: byId(records.touchpoints),
    annotations: byId(records.annotations),
    links: byId(records.links),
    comments: byId(records.comments),
  }
}

export interface TestDoc {
  doc: Y.Doc
  persona: PersonaId
  otherPersona: PersonaId
  /** One stage per phase, in phase order, plus a second `before` stage. */
  before: StageId
  before2: StageId
  during: StageId
  after: StageId
  touchpoint: TouchpointId
}

/**
 * A small map built with the commands: two personas, stages in every phase and one touchpoint
 * (Karoline, before). Written with a non-local origin so an undo manager made afterwards starts
 * with nothing to undo.
 */
export function createTestDoc(): TestDoc {
  const doc = new Y.Doc()
  let ids!: Omit<TestDoc, 'doc'>
  doc.transact(() => {
    setMeta(doc, { title: 'Karolines bilservice', locale: 'nb' })
    const persona = addPersona(doc, { name: 'Karoline' })
    const otherPersona = addPersona(doc, { name: 'Bedriftskunde' })
    const before = addStage(doc, { phase: 'before', title: 'Servicevarsel' })
    const before2 = addStage(doc, { phase: 'before', title: 'Bestilling i appen' })
    const during = addStage(doc, { phase: 'during', title: 'Telefon til sentralbordet' })
    const after = addStage(doc, { phase: 'after', title: 'Henting av bilen' })
    const touchpoint = addTouchpoint(doc, { stageId: before, personaId: persona, title: 'Servicevarsellampen lyser' })
    ids = { persona, otherPersona, before, before2, during, after, touchpoint }
  }, 'fixture')
  return { doc, ...ids }
}
