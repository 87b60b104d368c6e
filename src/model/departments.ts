/**
 * The department view: every department named as an owner on the map (a touchpoint's, a
 * blueprint item's or an action's), with what it owns and the counts a manager asks for first —
 * unmet needs and pain points on its touchpoints. Names are compared trimmed and case-blind, so
 * "Verksted" and "verksted " are one department; the first spelling met is the one shown.
 */
import { byOrder } from './fractionalIndex'
import { BLUEPRINT_LANES, isNeedKind, type Action, type Annotation, type BlueprintItem, type Snapshot, type Touchpoint } from './records'

export interface Department {
  name: string
  touchpoints: Touchpoint[]
  blueprintItems: BlueprintItem[]
  /** Pain points on its touchpoints. */
  painPoints: Annotation[]
  /** Needs on its touchpoints with status unmet. */
  unmetNeeds: Annotation[]
  actions: Action[]
}

/** The key two spellings of one department share. */
export function departmentKey(owner: string): string {
  return owner.trim().toLocaleLowerCase()
}

export function listDepartments(snapshot: Snapshot): Department[] {
  const byKey = new Map<string, Department>()
  const of = (owner: string): Department | undefined => {
    const key = departmentKey(owner)
    if (key === '') return undefined
    let dept = byKey.get(key)
    if (!dept) byKey.set(key, (dept = { name: owner.trim(), touchpoints: [], blueprintItems: [], painPoints: [], unmetNeeds: [], actions: [] }))
    return dept
  }
  const owned = new Map<string, Department>()
  for (const tp of Object.values(snapshot.touchpoints).sort(byOrder)) {
    const dept = of(tp.owner)
    if (!dept) continue
    dept.touchpoints.push(tp)
    owned.set(tp.id, dept)
  }
  for (const item of Object.values(snapshot.blueprintItems).sort((a, b) => BLUEPRINT_LANES.indexOf(a.lane) - BLUEPRINT_LANES.indexOf(b.lane) || byOrder(a, b))) of(item.owner)?.blueprintItems.push(item)
  for (const action of Object.values(snapshot.actions).sort(byOrder)) of(action.owner)?.actions.push(action)
  for (const a of Object.values(snapshot.annotations).sort(byOrder)) {
    const dept = owned.get(a.targetId)
    if (!dept) continue
    if (a.kind === 'pain-point') dept.painPoints.push(a)
    else if (isNeedKind(a.kind) && a.status === 'unmet') dept.unmetNeeds.push(a)
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name))
}
