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
  // One pass per collection, grouped before sorting: each department's lists are sorted on their
  // own (the same order as sorting the whole collection first), and each spelling of an owner is
  // keyed once, not once per record. The department view runs this after every change to the map.
  const byKey = new Map<string, Department>()
  const bySpelling = new Map<string, Department | undefined>()
  const of = (owner: string): Department | undefined => {
    if (bySpelling.has(owner)) return bySpelling.get(owner)
    const key = departmentKey(owner)
    let dept = key === '' ? undefined : byKey.get(key)
    if (key !== '' && !dept) byKey.set(key, (dept = { name: owner.trim(), touchpoints: [], blueprintItems: [], painPoints: [], unmetNeeds: [], actions: [] }))
    bySpelling.set(owner, dept)
    return dept
  }
  const owned = new Map<string, Department>()
  // The first spelling met names the department: met in the touchpoints' order, as before.
  for (const tp of Object.values(snapshot.touchpoints).sort(byOrder)) {
    const dept = of(tp.owner)
    if (!dept) continue
    dept.touchpoints.push(tp)
    owned.set(tp.id, dept)
  }
  for (const item of Object.values(snapshot.blueprintItems).sort((a, b) => BLUEPRINT_LANES.indexOf(a.lane) - BLUEPRINT_LANES.indexOf(b.lane) || byOrder(a, b))) of(item.owner)?.blueprintItems.push(item)
  for (const action of Object.values(snapshot.actions).sort(byOrder)) of(action.owner)?.actions.push(action)
  for (const a of Object.values(snapshot.annotations)) {
    const dept = owned.get(a.targetId)
    if (!dept) continue
    if (a.kind === 'pain-point') dept.painPoints.push(a)
    else if (isNeedKind(a.kind) && a.status === 'unmet') dept.unmetNeeds.push(a)
  }
  for (const dept of byKey.values()) {
    dept.painPoints.sort(byOrder)
    dept.unmetNeeds.sort(byOrder)
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name))
}
