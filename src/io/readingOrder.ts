/**
 * Every place on a map that can carry annotations, in the order a reader meets it: personas, then
 * for each phase the phase itself, each of its stages, and the touchpoints of each stage lane by
 * lane; unplaced touchpoints last. CSV rows and the PDF summary both list things in this order.
 */
import { ANNOTATION_KINDS, byOrder, cellKey, findOrphans, PHASES, sortedPersonas, sortedStages, touchpointsByCell, type Annotation, type Persona, type Phase, type Snapshot, type Stage, type Touchpoint } from '../model'

export interface Place {
  phase?: Phase
  stage?: Stage
  persona?: Persona
  touchpoint?: Touchpoint
  /** What is annotated here: the touchpoint, else the stage, else the phase, else the persona. */
  targetId: string
  annotations: Annotation[]
  /** A touchpoint whose stage or persona no longer exists. */
  unplaced?: boolean
}

/**
 * Annotations per target, grouped by kind in the legend's order (needs, pain points, moments of
 * truth, opportunities, notes) and by their order within a kind: `order` is minted among siblings
 * of one kind, so it does not rank annotations of different kinds against each other.
 */
export function annotationsByTarget(snapshot: Snapshot): Map<string, Annotation[]> {
  const map = new Map<string, Annotation[]>()
  const rank = (a: Annotation) => ANNOTATION_KINDS.indexOf(a.kind)
  for (const a of Object.values(snapshot.annotations).sort((x, y) => rank(x) - rank(y) || byOrder(x, y))) {
    const list = map.get(a.targetId)
    if (list) list.push(a)
    else map.set(a.targetId, [a])
  }
  return map
}

export function placesInReadingOrder(snapshot: Snapshot): Place[] {
  const annotations = annotationsByTarget(snapshot)
  const on = (id: string) => annotations.get(id) ?? []
  const personas = sortedPersonas(snapshot)
  const stages = sortedStages(snapshot)
  const cells = touchpointsByCell(snapshot)
  const places: Place[] = personas.map((persona) => ({ persona, targetId: persona.id, annotations: on(persona.id) }))
  for (const phase of PHASES) {
    places.push({ phase, targetId: `phase:${phase}`, annotations: on(`phase:${phase}`) })
    for (const stage of stages.filter((s) => s.phase === phase)) {
      places.push({ phase, stage, targetId: stage.id, annotations: on(stage.id) })
      for (const persona of personas) {
        for (const touchpoint of cells.get(cellKey(stage.id, persona.id)) ?? []) {
          places.push({ phase, stage, persona, touchpoint, targetId: touchpoint.id, annotations: on(touchpoint.id) })
        }
      }
    }
  }
  for (const touchpoint of findOrphans(snapshot).touchpoints.sort(byOrder)) {
    const stage = snapshot.stages[touchpoint.stageId]
    places.push({
      phase: stage?.phase,
      stage,
      persona: snapshot.personas[touchpoint.personaId],
      touchpoint,
      targetId: touchpoint.id,
      annotations: on(touchpoint.id),
      unplaced: true,
    })
  }
  return places
}
