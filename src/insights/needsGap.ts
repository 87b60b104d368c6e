/**
 * The needs gap: for each touchpoint, what the customer needs done and needs to feel there, and
 * whether the journey meets it. Seed 001 asks a map to show where *either* kind is not met.
 */
import { byOrder, sortedPersonas, sortedStages, touchpointsByCell, cellKey, type Annotation, type NeedStatus, type Snapshot, type Touchpoint } from '../model'

export interface NeedCell {
  id: string
  text: string
  status: NeedStatus | null
}

export interface NeedsGapRow {
  touchpoint: Touchpoint
  stageTitle: string
  personaName: string
  functional: NeedCell[]
  emotional: NeedCell[]
  /** A need here is unmet or only partly met. */
  gap: boolean
}

/** Rows for every placed touchpoint with at least one need, in reading order (stage by stage, lane by lane). */
export function needsGap(snapshot: Snapshot): NeedsGapRow[] {
  const needs = new Map<string, Annotation[]>()
  for (const a of Object.values(snapshot.annotations)) {
    if (a.kind !== 'functional-need' && a.kind !== 'emotional-need') continue
    needs.set(a.targetId, [...(needs.get(a.targetId) ?? []), a])
  }
  const cells = touchpointsByCell(snapshot)
  const rows: NeedsGapRow[] = []
  for (const stage of sortedStages(snapshot)) {
    for (const persona of sortedPersonas(snapshot)) {
      for (const tp of cells.get(cellKey(stage.id, persona.id)) ?? []) {
        const list = (needs.get(tp.id) ?? []).sort(byOrder)
        if (list.length === 0) continue
        const cell = (a: Annotation): NeedCell => ({ id: a.id, text: a.text, status: a.status })
        const functional = list.filter((a) => a.kind === 'functional-need').map(cell)
        const emotional = list.filter((a) => a.kind === 'emotional-need').map(cell)
        rows.push({ touchpoint: tp, stageTitle: stage.title, personaName: persona.name, functional, emotional, gap: [...functional, ...emotional].some((n) => isGap(n.status)) })
      }
    }
  }
  return rows
}

/** Unmet and partly met both count as a gap; a need nobody assessed (null) does not claim one. */
export function isGap(status: NeedStatus | null): boolean {
  return status === 'unmet' || status === 'partly'
}
