/**
 * Creating, sharing and exporting maps: what the API does, without the HTTP around it.
 */
import * as Y from 'yjs'
import { LOCALES, MAX_TITLE, parseJourneyJson, stringifyJourneyJson, type Snapshot, type ValidationError } from '../src/model'
import { readMeta, readSnapshot, writeSnapshot } from '../src/doc'
import { initializeMap } from '../src/commands'
import { getTemplate } from '../src/templates'
import { ROLES, type Role, type TokenSigner } from './auth/tokens'
import { createMapId } from './mapIds'
import type { RoomRegistry } from './relay/rooms'
import type { MapMeta, MapStore } from './storage/types'

/** Bad input from a client: `errors` name each offending path, as import does. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(readonly errors: ValidationError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '))
  }
}

const inputError = (path: string, message: string) => new InputError([{ path, message }])

export interface NewMapRequest {
  title?: unknown
  template?: unknown
  locale?: unknown
}

/**
 * The initial document of a new map: a template, or the blank layout of `initializeMap`
 * (three phases with a starter stage each and one persona), titled as asked.
 */
export function buildNewMapDoc(request: NewMapRequest): Y.Doc {
  const { title, template, locale } = request
  if (title !== undefined && typeof title !== 'string') throw inputError('title', 'expected text')
  if (typeof title === 'string' && title.length > MAX_TITLE) throw inputError('title', `expected at most ${MAX_TITLE} characters, got ${title.length}`)
  if (locale !== undefined && !(LOCALES as readonly unknown[]).includes(locale)) throw inputError('locale', `expected one of ${LOCALES.join(', ')}`)
  const doc = new Y.Doc()
  if (template !== undefined) {
    if (typeof template !== 'string') throw inputError('template', 'expected a template id')
    const found = getTemplate(template)
    if (!found) throw inputError('template', `unknown template ${JSON.stringify(template)}`)
    const snapshot = found.build()
    writeSnapshot(doc, { ...snapshot, meta: { ...snapshot.meta, ...(title?.trim() ? { title: title.trim() } : {}) } })
  } else {
    initializeMap(doc, { title: (title as string | undefined)?.trim() || 'Untitled journey', ...(locale ? { locale: locale as string } : {}) })
  }
  return doc
}

/** The initial document of an imported contract-4 file; every error with its path when invalid. */
export function buildImportedDoc(body: string): Y.Doc {
  const parsed = parseJourneyJson(body)
  if (!parsed.ok) throw new InputError(parsed.errors)
  const doc = new Y.Doc()
  writeSnapshot(doc, parsed.snapshot)
  return doc
}

export interface ShareLinks {
  id: string
  title: string
  facilitatorToken: string
  editorToken: string
  viewerToken: string
  urls: Record<Role, string>
}

export class MapService {
  constructor(
    private readonly store: MapStore,
    private readonly signer: TokenSigner,
    private readonly rooms: RoomRegistry,
  ) {}

  /** Store `doc` as a new map (its state is the first update) and mint one link per role. */
  async create(doc: Y.Doc, origin: string): Promise<ShareLinks> {
    const id = createMapId()
    const { title, createdAt } = readMeta(doc)
    await this.store.createMap({ id, title, createdAt, initialUpdate: Y.encodeStateAsUpdate(doc) })
    doc.destroy()
    const meta = (await this.store.getMapMeta(id))!
    const tokens = Object.fromEntries(ROLES.map((role) => [role, this.mint(meta, role)])) as Record<Role, string>
    return {
      id,
      title,
      facilitatorToken: tokens.facilitator,
      editorToken: tokens.editor,
      viewerToken: tokens.viewer,
      urls: Object.fromEntries(ROLES.map((role) => [role, shareUrl(origin, id, tokens[role])])) as Record<Role, string>,
    }
  }

  mint(meta: MapMeta, role: Role, expiresInSeconds?: number): string {
    const issuedAt = Date.now()
    return this.signer.sign({
      mapId: meta.id,
      role,
      epoch: meta.epochs[role],
      issuedAt,
      ...(expiresInSeconds === undefined ? {} : { expiresAt: issuedAt + expiresInSeconds * 1000 }),
    })
  }

  /**
   * A named seat's link: an editor link that names the seat. It stands or falls with the seat
   * (revoked on its own, see auth/authorize.ts), so minting it again yields an equally valid link.
   */
  mintSeat(mapId: string, seatId: string, editorEpoch: number): string {
    return this.signer.sign({ mapId, role: 'editor', epoch: editorEpoch, issuedAt: Date.now(), seatId })
  }

  /** The live title when the room is loaded, else the stored one. */
  async title(meta: MapMeta): Promise<string> {
    const room = await this.rooms.peek(meta.id)
    return room ? readMeta(room.doc).title : meta.title
  }

  /** The map as participants see it now: the live room, loaded for the occasion if nobody is in it. */
  async snapshot(mapId: string): Promise<Snapshot> {
    const room = await this.rooms.acquire(mapId)
    try {
      return readSnapshot(room.doc)
    } finally {
      this.rooms.release(room)
    }
  }

  /** A named version of the live map, taken once everything before it is stored. */
  async saveVersion(mapId: string, name: string) {
    const room = await this.rooms.acquire(mapId)
    try {
      return await room.takeVersion('manual', name)
    } finally {
      this.rooms.release(room)
    }
  }

  /** A stored version in the JSON interchange format, or undefined when there is none. */
  async versionJson(mapId: string, versionId: string): Promise<string | undefined> {
    const version = await this.store.loadVersion(mapId, versionId)
    if (!version) return undefined
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, version.state)
      return stringifyJourneyJson(readSnapshot(doc))
    } finally {
      doc.destroy()
    }
  }

  async exportJson(mapId: string): Promise<{ body: string; title: string }> {
    const snapshot = await this.snapshot(mapId)
    return { body: stringifyJourneyJson(snapshot), title: snapshot.meta.title }
  }
}

export function shareUrl(origin: string, mapId: string, token: string): string {
  // The token rides in the fragment: browsers never send it to the server, so it stays out of logs.
  return `${origin}/m/${mapId}#token=${token}`
}
