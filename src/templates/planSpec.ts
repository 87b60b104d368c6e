/**
 * A journey template with what comes after mapping: touchpoint metrics, evidence and
 * impact/effort on annotations, customer promises with service priorities, and an action plan.
 * The journey itself is built by `buildJourney` (journeySpec.ts); the plan is then added with
 * the same commands a workshop would use, with ids derived from the template id so every build
 * agrees.
 */
import { addAction, addPromise, addServicePriority, assessAnnotation, setEvidence, setMapVariant, setTouchpointMetrics, type TouchpointMetrics } from '../commands'
import { createMapDoc, readSnapshot, writeSnapshot } from '../doc'
import { createId, type ActionStatus, type AnnotationId, type Evidence, type MapVariant, type Snapshot, type TouchpointId } from '../model'
import { buildJourney, stableRandom, type JourneySpec, type Text } from './journeySpec'

export interface PlanSpec<L extends string> extends JourneySpec<L> {
  touchpoints: (JourneySpec<L>['touchpoints'][number] & { metrics?: Partial<TouchpointMetrics> })[]
  annotations: (JourneySpec<L>['annotations'][number] & { evidence?: Evidence; impact?: number; effort?: number })[]
  variant?: MapVariant
  promises: { key: string; text: Text<L>; priorities: { text: Text<L>; measure: Text<L>; target: Text<L>; touchpoints: string[] }[] }[]
  /** `addresses` are indexes into `annotations`. */
  actions: { key: string; title: Text<L>; owner: Text<L>; measure: Text<L>; target: Text<L>; dueDate: string; status: ActionStatus; addresses: number[] }[]
}

export function buildPlannedJourney<L extends string>(templateId: string, spec: PlanSpec<L>, lang: L, locale: string = lang): Snapshot {
  const journey = buildJourney(templateId, spec, lang, locale)
  const doc = createMapDoc()
  writeSnapshot(doc, journey)
  const idFor = <T extends 'promise' | 'service-priority' | 'action'>(type: T, key: string) => createId(type, stableRandom(`${templateId}/${type}/${key}`))

  // The journey's records are found by what the spec says about them: a touchpoint by its title,
  // an annotation by where it hangs, its kind and its text. Each must be unique.
  const touchpointId = (key: string): TouchpointId => {
    const title = spec.touchpoints.find((t) => t.key === key)?.title[lang]
    return only(Object.values(journey.touchpoints).filter((t) => t.title === title), `touchpoint ${key}`).id
  }
  const targetId = (on: string): string => {
    if (on.startsWith('phase:')) return on
    const persona = spec.personas.find((p) => p.key === on)
    if (persona) return only(Object.values(journey.personas).filter((p) => p.name === persona.name[lang]), `persona ${on}`).id
    const stage = spec.stages.find((s) => s.key === on)
    if (stage) return only(Object.values(journey.stages).filter((s) => s.title === stage.title[lang]), `stage ${on}`).id
    return touchpointId(on)
  }
  const annotationIds: AnnotationId[] = spec.annotations.map((a, i) => {
    const target = targetId(a.on)
    return only(Object.values(journey.annotations).filter((x) => x.targetId === target && x.kind === a.kind && x.text === a.text[lang]), `annotation ${i}`).id
  })

  for (const t of spec.touchpoints) if (t.metrics) setTouchpointMetrics(doc, touchpointId(t.key), t.metrics)
  spec.annotations.forEach((a, i) => {
    if (a.evidence) setEvidence(doc, annotationIds[i], a.evidence)
    if (a.impact !== undefined || a.effort !== undefined) assessAnnotation(doc, annotationIds[i], { impact: a.impact ?? null, effort: a.effort ?? null })
  })
  for (const p of spec.promises) {
    const promiseId = addPromise(doc, { id: idFor('promise', p.key), text: p.text[lang] })
    p.priorities.forEach((sp, i) =>
      addServicePriority(doc, {
        id: idFor('service-priority', `${p.key}/${i}`),
        promiseId,
        text: sp.text[lang],
        measure: sp.measure[lang],
        target: sp.target[lang],
        touchpointIds: sp.touchpoints.map(touchpointId),
      }),
    )
  }
  for (const a of spec.actions) {
    addAction(doc, {
      id: idFor('action', a.key),
      title: a.title[lang],
      owner: a.owner[lang],
      measure: a.measure[lang],
      target: a.target[lang],
      dueDate: a.dueDate,
      status: a.status,
      addresses: a.addresses.map((i) => annotationIds[i]),
    })
  }
  if (spec.variant) setMapVariant(doc, { variant: spec.variant })
  const snapshot = readSnapshot(doc)
  doc.destroy()
  return snapshot
}

function only<T>(found: T[], what: string): T {
  if (found.length !== 1) throw new Error(`template: expected one ${what}, found ${found.length}`)
  return found[0]
}
