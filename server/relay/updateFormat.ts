/**
 * A reader for Yjs v1 updates (the encoding y-websocket speaks) that lists each struct with its
 * byte range, its place (origins, parent, key) and its content, without building Yjs types.
 * Yjs's own `decodeUpdate` instantiates a Y.Map for every nested map it reads, which costs more
 * than everything the relay then does with it; this reader is linear and allocates little.
 *
 * Because every v1 struct is encoded on its own (full ids, no delta coding), the byte ranges let
 * the relay cut a large update into smaller valid updates and apply them over several event-loop
 * turns (`sliceUpdate`), so one heavy message cannot stall every other room.
 *
 * The format, as Yjs writes it: a varUint count of client blocks; per block the struct count,
 * client and first clock; per struct an info byte, then origin / right origin ids (bits 8 and 7),
 * the parent (a root name or an id) and key when there are no origins, then the content by the
 * low five bits. Then the delete set: per client, ranges of (clock, length).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface RawId {
  client: number
  clock: number
}

export type RawContent =
  | { kind: 'deleted' }
  | { kind: 'any'; values: unknown[] }
  /** A nested type; `typeRef` 1 is a Y.Map. */
  | { kind: 'type'; typeRef: number }
  /** Strings, JSON, binary, embeds, formats, subdocuments: nothing this schema uses. */
  | { kind: 'other'; name: string }

export interface RawStruct {
  kind: 'item' | 'gc' | 'skip'
  client: number
  clock: number
  length: number
  /** Byte range of the struct in the update. */
  start: number
  end: number
  origin: RawId | null
  rightOrigin: RawId | null
  /** Set when the struct carries its parent (no origins): a root type's name or the parent item's id. */
  parent: string | RawId | null
  parentSub: string | null
  content: RawContent | null
}

export interface RawUpdate {
  /** Structs grouped by client block, each block in clock order. */
  blocks: { client: number; structs: RawStruct[] }[]
  deletes: Map<number, { clock: number; len: number }[]>
  /** Byte offset where the delete set starts. */
  deleteSetStart: number
}

const XML_ELEMENT_TYPE_REF = 3
const XML_HOOK_TYPE_REF = 5

export const Y_MAP_TYPE_REF = 1

export class UpdateFormatError extends Error {
  override name = 'UpdateFormatError'
}

const readId = (d: decoding.Decoder): RawId => ({ client: decoding.readVarUint(d), clock: decoding.readVarUint(d) })

/** Parse a v1 update. Throws `UpdateFormatError` for anything Yjs could not read either. */
export function readUpdate(update: Uint8Array): RawUpdate {
  // Read in one go, as `readUpdateInSteps` reads without pausing: a live edit is read for every
  // message, and a generator's object and its step results were most of what reading one cost.
  const d = decoding.createDecoder(update)
  try {
    const blockCount = decoding.readVarUint(d)
    const blocks: RawUpdate['blocks'] = []
    const seen = blockCount > 1 ? new Set<number>() : null
    for (let b = 0; b < blockCount; b++) {
      const count = decoding.readVarUint(d)
      const client = readBlockClient(d, seen)
      let clock = decoding.readVarUint(d)
      const structs: RawStruct[] = []
      for (let i = 0; i < count; i++) {
        const struct = readStruct(d, client, clock)
        structs.push(struct)
        clock += struct.length
      }
      blocks.push({ client, structs })
    }
    return readDeleteSet(d, blocks)
  } catch (e) {
    throw asFormatError(e)
  }
}

/**
 * `readUpdate` as a generator that pauses (yields) after every `structsPerStep` structs, so a very
 * large update can be read a slice per event-loop turn; its return value is the parsed update.
 */
export function* readUpdateInSteps(update: Uint8Array, structsPerStep: number): Generator<void, RawUpdate, void> {
  let sinceStep = 0
  const d = decoding.createDecoder(update)
  try {
    const blocks: RawUpdate['blocks'] = []
    const blockCount = decoding.readVarUint(d)
    const seen = new Set<number>()
    for (let b = 0; b < blockCount; b++) {
      const count = decoding.readVarUint(d)
      const client = readBlockClient(d, seen)
      let clock = decoding.readVarUint(d)
      const structs: RawStruct[] = []
      for (let i = 0; i < count; i++) {
        const struct = readStruct(d, client, clock)
        structs.push(struct)
        clock += struct.length
        if (++sinceStep >= structsPerStep) {
          sinceStep = 0
          yield
        }
      }
      blocks.push({ client, structs })
    }
    return readDeleteSet(d, blocks)
  } catch (e) {
    throw asFormatError(e)
  }
}

function asFormatError(e: unknown): UpdateFormatError {
  return e instanceof UpdateFormatError ? e : new UpdateFormatError(`not a Yjs update: ${(e as Error).message}`)
}

/** A client block's client; Yjs keeps only the last block of a client and never writes two, so two are refused. */
function readBlockClient(d: decoding.Decoder, seen: Set<number> | null): number {
  const client = decoding.readVarUint(d)
  if (seen) {
    if (seen.has(client)) throw new UpdateFormatError(`two blocks for client ${client}`)
    seen.add(client)
  }
  return client
}

function readStruct(d: decoding.Decoder, client: number, clock: number): RawStruct {
  const start = d.pos
  const info = decoding.readUint8(d)
  const ref = info & 31
  if (ref === 10 || ref === 0) {
    const length = decoding.readVarUint(d)
    return { kind: ref === 10 ? 'skip' : 'gc', client, clock, length, start, end: d.pos, origin: null, rightOrigin: null, parent: null, parentSub: null, content: null }
  }
  const origin = (info & 128) === 128 ? readId(d) : null
  const rightOrigin = (info & 64) === 64 ? readId(d) : null
  const carriesParent = (info & (128 | 64)) === 0
  const parent = carriesParent ? (decoding.readVarUint(d) === 1 ? decoding.readVarString(d) : readId(d)) : null
  const parentSub = carriesParent && (info & 32) === 32 ? decoding.readVarString(d) : null
  const content = readContent(d, ref)
  return { kind: 'item', client, clock, length: contentLength, start, end: d.pos, origin, rightOrigin, parent, parentSub, content }
}

function readDeleteSet(d: decoding.Decoder, blocks: RawUpdate['blocks']): RawUpdate {
  const deleteSetStart = d.pos
  const deletes = new Map<number, { clock: number; len: number }[]>()
  const clients = decoding.readVarUint(d)
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(d)
    const n = decoding.readVarUint(d)
    const ranges = deletes.get(client) ?? []
    for (let i = 0; i < n; i++) ranges.push({ clock: decoding.readVarUint(d), len: decoding.readVarUint(d) })
    deletes.set(client, ranges)
  }
  if (decoding.hasContent(d)) throw new UpdateFormatError('trailing bytes after the update')
  return { blocks, deletes, deleteSetStart }
}

/** The length of the content `readContent` read last (kept apart so the content objects stay small). */
let contentLength = 0
const DELETED: RawContent = { kind: 'deleted' }
const MAP: RawContent = { kind: 'type', typeRef: Y_MAP_TYPE_REF }

function readContent(d: decoding.Decoder, ref: number): RawContent {
  contentLength = 1
  switch (ref) {
    case 1:
      contentLength = decoding.readVarUint(d)
      return DELETED
    case 2: {
      const n = (contentLength = decoding.readVarUint(d))
      for (let i = 0; i < n; i++) {
        const s = decoding.readVarString(d)
        if (s !== 'undefined') JSON.parse(s)
      }
      return { kind: 'other', name: 'json' }
    }
    case 3:
      decoding.readVarUint8Array(d)
      return { kind: 'other', name: 'binary' }
    case 4:
      contentLength = decoding.readVarString(d).length
      return { kind: 'other', name: 'string' }
    case 5:
      JSON.parse(decoding.readVarString(d))
      return { kind: 'other', name: 'embed' }
    case 6:
      decoding.readVarString(d)
      JSON.parse(decoding.readVarString(d))
      return { kind: 'other', name: 'format' }
    case 7: {
      const typeRef = decoding.readVarUint(d)
      if (typeRef === Y_MAP_TYPE_REF) return MAP
      if (typeRef > 6) throw new UpdateFormatError(`unknown type ${typeRef}`)
      if (typeRef === XML_ELEMENT_TYPE_REF || typeRef === XML_HOOK_TYPE_REF) decoding.readVarString(d)
      return { kind: 'type', typeRef }
    }
    case 8: {
      const n = (contentLength = decoding.readVarUint(d))
      const values: unknown[] = []
      for (let i = 0; i < n; i++) values.push(decoding.readAny(d))
      return { kind: 'any', values }
    }
    case 9:
      decoding.readVarString(d)
      decoding.readAny(d)
      return { kind: 'other', name: 'subdocument' }
    default:
      throw new UpdateFormatError(`unknown content ${ref}`)
  }
}

/**
 * Cut an update into valid smaller updates of at most `maxStructs` structs each, leaving out the
 * structs the receiver already has (ending at or below `state(client)`, read as each client's
 * structs are reached); the delete set goes in the last one. Applied in order, they do what the
 * whole update does. Each slice is cut when it is asked for: cutting a large update's slices all
 * at once would be one long piece of work.
 */
export function* sliceUpdate(update: Uint8Array, parsed: RawUpdate, maxStructs: number, state: (client: number) => number): Generator<Uint8Array, void, void> {
  for (const { client, structs } of parsed.blocks) {
    const fresh = structs.filter((s) => s.clock + s.length > state(client))
    for (let i = 0; i < fresh.length; i += maxStructs) {
      const part = fresh.slice(i, i + maxStructs)
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, part.length)
      encoding.writeVarUint(e, client)
      encoding.writeVarUint(e, part[0].clock)
      for (const s of part) encoding.writeUint8Array(e, update.subarray(s.start, s.end))
      encoding.writeVarUint(e, 0) // no deletions in this slice
      yield encoding.toUint8Array(e)
    }
  }
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeUint8Array(e, update.subarray(parsed.deleteSetStart))
  yield encoding.toUint8Array(e)
}
