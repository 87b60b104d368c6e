/**
 * A template written as data: records named by readable keys, every text in each language the
 * template ships in. `buildJourney` turns one language of it into a snapshot by running the
 * real commands on a fresh Y.Doc, so a template gets exactly the ids, orders and defaults a
 * map made by hand would have, and cannot drift from what the commands accept.
 */
import { addAnnotation, addBlueprintItem, addPersona, addStage, addTouchpoint, linkTouchpoints, setMeta } from '../commands'
import { createMapDoc, readSnapshot } from '../doc'
import {
  createId,
  type AnnotationKind,
  type AnnotationTargetId,
  type BlueprintLane,
  type NeedStatus,
  type PersonaId,
  type Phase,
  type RecordType,
  type Snapshot,
  type StageId,
  type TouchpointId,
} from '../model'

/** One text per language, e.g. `{ nb: 'Verksted', en: 'Workshop' }`. */
export type Text<L extends string> = Record<L, string>

export interface JourneySpec<L extends string> {
  title: Text<L>
  description: Text<L>
  personas: { key: string; name: Text<L>; description: Text<L>; color?: string }[]
  stages: { key: string; phase: Phase; title: Text<L> }[]
  touchpoints: {
    key: string
    stage: string
    persona: string
    title: Text<L>
    description: Text<L>
    channel: Text<L>
    owner: Text<L>
    emotion: number | null
    priority: number | null
  }[]
  /** `on` is a persona, stage or touchpoint key, or a phase target like `phase:after`. */
  annotations: { on: string; kind: AnnotationKind; status?: NeedStatus; text: Text<L> }[]
  links: { from: string; to: string; label: Text<L> }[]
  /** The service blueprint under the journey; `serves` names touchpoint keys. */
  blueprint?: { key: string; lane: BlueprintLane; stage: string; title: Text<L>; description?: Text<L>; owner: Text<L>; serves: string[] }[]
}

/**
 * Build the snapshot of one language. Ids are derived from the template id and each record's
 * key, so every build of a template (on the server and in the browser) yields the same ids.
 */
export function buildJourney<L extends string>(templateId: string, spec: JourneySpec<L>, lang: L, locale: string = lang): Snapshot {
  const doc = createMapDoc()
  const idFor = <T extends RecordType>(type: T, key: string) => createId(type, stableRandom(`${templateId}/${type}/${key}`))
  const personas = new Map<string, PersonaId>()
  const stages = new Map<string, StageId>()
  const touchpoints = new Map<string, TouchpointId>()

  setMeta(doc, { title: spec.title[lang], description: spec.description[lang], locale })
  for (const p of spec.personas) {
    personas.set(p.key, addPersona(doc, { id: idFor('persona', p.key), name: p.name[lang], description: p.description[lang], color: p.color }))
  }
  for (const s of spec.stages) stages.set(s.key, addStage(doc, { id: idFor('stage', s.key), phase: s.phase, title: s.title[lang] }))
  for (const t of spec.touchpoints) {
    const id = addTouchpoint(doc, {
      id: idFor('touchpoint', t.key),
      stageId: lookup(stages, t.stage, 'stage'),
      personaId: lookup(personas, t.persona, 'persona'),
      title: t.title[lang],
      description: t.description[lang],
      channel: t.channel[lang],
      owner: t.owner[lang],
      emotion: t.emotion,
      priority: t.priority,
    })
    touchpoints.set(t.key, id)
  }
  const target = (key: string): AnnotationTargetId =>
    key.startsWith('phase:') ? (key as AnnotationTargetId) : (personas.get(key) ?? stages.get(key) ?? lookup(touchpoints, key, 'annotation target'))
  spec.annotations.forEach((a, i) => {
    addAnnotation(doc, { id: idFor('annotation', `${a.on}/${a.kind}/${i}`), targetId: target(a.on), kind: a.kind, text: a.text[lang], status: a.status })
  })
  for (const l of spec.links) linkTouchpoints(doc, lookup(touchpoints, l.from, 'touchpoint'), lookup(touchpoints, l.to, 'touchpoint'), l.label[lang])
  for (const b of spec.blueprint ?? []) {
    addBlueprintItem(doc, {
      id: idFor('blueprint-item', b.key),
      lane: b.lane,
      stageId: lookup(stages, b.stage, 'stage'),
      title: b.title[lang],
      description: b.description?.[lang] ?? '',
      owner: b.owner[lang],
      touchpointIds: b.serves.map((key) => lookup(touchpoints, key, 'touchpoint')),
    })
  }

  const snapshot = readSnapshot(doc)
  doc.destroy()
  // A map made from a template is created now, not when the template was written.
  return { ...snapshot, meta: { ...snapshot.meta, createdAt: new Date().toISOString() } }
}

function lookup<T>(ids: Map<string, T>, key: string, what: string): T {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`template: no ${what} with key ${JSON.stringify(key)}`)
  return id
}

/** A deterministic stand-in for randomness, seeded by text (FNV-1a, then xorshift). */
export function stableRandom(seedText: string): () => number {
  let state = 0x811c9dc5
  for (let i = 0; i < seedText.length; i++) state = Math.imul(state ^ seedText.charCodeAt(i), 0x01000193) >>> 0
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 0x1_0000_0000
  }
}
