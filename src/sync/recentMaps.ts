/**
 * Maps this browser has opened, newest first, with the links it holds for them. Kept in
 * localStorage (small, synchronous, read before anything renders); the map contents themselves
 * live in IndexedDB through y-indexeddb.
 */
export interface RecentMap {
  id: string
  title: string
  /** Kept in this browser only, not (yet) on the server. */
  local: boolean
  role?: 'facilitator' | 'editor' | 'viewer'
  /** The token this browser opens the map with. */
  token?: string
  /** For a facilitator: every role's token, for the share dialog. */
  links?: Partial<Record<'facilitator' | 'editor' | 'viewer', string>>
  openedAt: string
  /** When this browser created the map, and from which template: tells same-titled maps apart. */
  createdAt?: string
  template?: string
}

const KEY = 'journey:recent-maps'

export function listRecentMaps(): RecentMap[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    return Array.isArray(raw) ? raw.filter((m) => m && typeof m.id === 'string') : []
  } catch {
    return []
  }
}

export function getRecentMap(id: string): RecentMap | undefined {
  return listRecentMaps().find((m) => m.id === id)
}

export function rememberMap(entry: Partial<RecentMap> & { id: string }): void {
  const list = listRecentMaps()
  const existing = list.find((m) => m.id === entry.id)
  const merged: RecentMap = {
    title: '',
    local: false,
    ...existing,
    ...Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)),
    links: { ...existing?.links, ...entry.links },
    openedAt: new Date().toISOString(),
  } as RecentMap
  const next = [merged, ...list.filter((m) => m.id !== entry.id)].slice(0, 100)
  localStorage.setItem(KEY, JSON.stringify(next))
}

export function forgetMap(id: string): void {
  localStorage.setItem(KEY, JSON.stringify(listRecentMaps().filter((m) => m.id !== id)))
}

/**
 * The token this browser opens a server map with. A link's `#token=…` is taken into this
 * browser's recent maps (localStorage, keyed by map id) and cleaned from the address, so a
 * reload, a language switch or a copied address keeps the role and never shows the token; an
 * address without a token opens with the one kept here. A new link replaces a kept token (the
 * facilitator may have sent a fresh one after a revoke); its role is the link's claim until the
 * server confirms it (`fetchMapInfo`), never trusted for anything but what to draw first.
 */
export function takeLinkToken(mapId: string): string | undefined {
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get('token') || undefined
  if (fromAddress) {
    const kept = getRecentMap(mapId)
    if (kept?.token !== fromAddress) rememberMap({ id: mapId, local: false, token: fromAddress, role: claimedRole(fromAddress) ?? 'editor' })
    history.replaceState(history.state, '', location.pathname + location.search)
    return fromAddress
  }
  return getRecentMap(mapId)?.token
}

/** The role a token names (its payload is base64url JSON `{"r": role, …}`, see server/auth/tokens.ts). */
function claimedRole(token: string): RecentMap['role'] | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[0].replace(/-/g, '+').replace(/_/g, '/'))) as { r?: unknown }
    return payload.r === 'facilitator' || payload.r === 'editor' || payload.r === 'viewer' ? payload.r : undefined
  } catch {
    return undefined
  }
}
