/**
 * Which stage or touchpoint a value of the sheet's stage/touchpoint column means, guessed for
 * the import dialog (the user confirms or changes each): an id as the map writes it, else a
 * touchpoint title that only one touchpoint has, else a stage title, else what an earlier data
 * set of this map linked the same value to. Compared without case and surrounding spaces.
 */
import { sortedPersonas, sortedStages, type Snapshot } from '../model'

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase()

export function suggestTarget(snapshot: Snapshot, value: string): string | null {
  const v = value.trim()
  if (snapshot.touchpoints[v] || snapshot.stages[v]) return v
  const n = norm(v)
  const touchpoints = Object.values(snapshot.touchpoints).filter((tp) => norm(tp.title) === n && snapshot.stages[tp.stageId])
  if (touchpoints.length === 1) return touchpoints[0].id
  const stages = Object.values(snapshot.stages).filter((s) => norm(s.title) === n)
  if (stages.length === 1) return stages[0].id
  const earlier = Object.values(snapshot.feedbackLinks).find((l) => norm(l.value) === n && (snapshot.touchpoints[l.targetId] || snapshot.stages[l.targetId]))
  return earlier?.targetId ?? null
}

export interface TargetOption {
  id: string
  /** The stage title, or "touchpoint title · persona name". */
  label: string
  isStage: boolean
}

/** Every stage in journey order, each followed by its touchpoints lane by lane: the choices in the dialog. */
export function targetOptions(snapshot: Snapshot): TargetOption[] {
  const personas = sortedPersonas(snapshot)
  const out: TargetOption[] = []
  for (const stage of sortedStages(snapshot)) {
    out.push({ id: stage.id, label: stage.title, isStage: true })
    for (const p of personas) {
      const tps = Object.values(snapshot.touchpoints)
        .filter((tp) => tp.stageId === stage.id && tp.personaId === p.id)
        .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
      for (const tp of tps) out.push({ id: tp.id, label: `${tp.title} · ${p.name}`, isStage: false })
    }
  }
  return out
}
