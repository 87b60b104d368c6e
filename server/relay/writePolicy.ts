/**
 * What a participant's document update may touch, decided before it is applied (a Yjs update
 * cannot be taken back once integrated):
 *  - facilitators may write anything;
 *  - while the map is locked (`workshop.locked`), nobody else may write at all;
 *  - the `workshop` map (timer, lock, voting rounds) is the facilitator's alone.
 *
 * To know which top-level map an update touches, every struct it inserts and every struct it
 * deletes is traced to its root type: through the update's own structs, then the room's document.
 */
import * as Y from 'yjs'

export type WriteRefusal = 'locked' | 'facilitator_only' | 'unresolved_write'

const FACILITATOR_ONLY_ROOTS = new Set(['workshop'])

type DecodedStruct = ReturnType<typeof Y.decodeUpdate>['structs'][number]

/** The "root" of a struct placed beside garbage-collected content: no live type at all. */
const DELETED_CONTENT = '(deleted)'

export function isLocked(doc: Y.Doc): boolean {
  return doc.getMap('workshop').get('locked') === true
}

export function refuseWrite(doc: Y.Doc, role: string, update: Uint8Array): WriteRefusal | null {
  if (role === 'facilitator') return null
  if (isLocked(doc)) return 'locked'
  const roots = touchedRoots(doc, update)
  if (roots === null) return 'unresolved_write'
  for (const root of roots) if (FACILITATOR_ONLY_ROOTS.has(root)) return 'facilitator_only'
  return null
}

/** The names of the top-level types an update inserts into or deletes from; null if any cannot be traced. */
export function touchedRoots(doc: Y.Doc, update: Uint8Array): Set<string> | null {
  const { structs, ds } = Y.decodeUpdate(update)
  const local = new Map<number, Y.Item[]>()
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue
    const list = local.get(s.id.client)
    if (list) list.push(s)
    else local.set(s.id.client, [s])
  }
  const findLocal = (id: Y.ID): Y.Item | undefined => local.get(id.client)?.find((s) => id.clock >= s.id.clock && id.clock < s.id.clock + s.length)

  const memo = new Map<Y.Item, string | null>()
  const rootOfId = (id: Y.ID, depth: number): string | null => {
    const own = findLocal(id)
    if (own) return rootOfDecoded(own, depth + 1)
    return rootOfDocItem(id)
  }
  const rootOfDecoded = (item: Y.Item, depth: number): string | null => {
    if (depth > 10_000) return null
    if (memo.has(item)) return memo.get(item)!
    let root: string | null = null
    const parent = item.parent as unknown
    if (typeof parent === 'string') root = parent
    else if (parent instanceof Y.ID) root = rootOfId(parent, depth)
    else if (item.origin) root = rootOfId(item.origin, depth)
    else if (item.rightOrigin) root = rootOfId(item.rightOrigin, depth)
    memo.set(item, root)
    return root
  }
  const rootOfDocItem = (id: Y.ID): string | null => {
    if (Y.getState(doc.store, id.client) <= id.clock) return null
    const item = Y.getItem(doc.store, id) as Y.Item | Y.GC
    // Collected content of a deleted record: whatever lands next to it is collected too, so it
    // changes nothing (and the workshop map holds no nested types that could be collected).
    if (!(item instanceof Y.Item)) return DELETED_CONTENT
    let type = item.parent as Y.AbstractType<unknown> | null
    while (type?._item) type = type._item.parent as Y.AbstractType<unknown> | null
    return type ? Y.findRootTypeKey(type) : null
  }

  const roots = new Set<string>()
  for (const s of structs as DecodedStruct[]) {
    if (!(s instanceof Y.Item)) continue
    const root = rootOfDecoded(s, 0)
    if (root === null) return null
    roots.add(root)
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      let c = clock
      while (c < clock + len) {
        const id = Y.createID(client, c)
        const own = findLocal(id)
        if (own) {
          c = own.id.clock + own.length
          continue // deleted in the same update it was made in: its root is already counted
        }
        if (Y.getState(doc.store, client) <= c) return null
        const item = Y.getItem(doc.store, id) as Y.Item | Y.GC
        if (item instanceof Y.Item) {
          const root = rootOfDocItem(id)
          if (root === null) return null
          roots.add(root)
        }
        c = item.id.clock + item.length
      }
    }
  }
  return roots
}
