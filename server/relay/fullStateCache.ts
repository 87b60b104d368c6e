/**
 * The answer to "send me everything" (sync step 1 with a state vector that covers nothing), kept
 * between requests: the document's full state as last encoded, plus the updates applied since.
 * A full encode of a workshop-sized map costs tens of milliseconds; asking for it again and again,
 * or joining a busy room, costs a send of the same two buffers instead (shared by every socket,
 * see sendQueue.ts).
 *
 * The full state is encoded again only when the updates since it add up to a fraction of it, so
 * even under a steady stream of edits a full encode happens at most once per that many bytes of
 * change, never once per request.
 */
import * as Y from 'yjs'
import { encodeSyncStep2, encodeUpdate } from './protocol'

/** Re-encode once the updates since the last full encode reach this share of it… */
const REENCODE_SHARE = 1 / 8
/** …or this many bytes, whichever is larger… */
const REENCODE_MIN_BYTES = 16 * 1024
/** …or this many updates (each merge of them costs a pass over all). */
const REENCODE_MAX_UPDATES = 200

/** An update that holds nothing: no structs, no deletions. */
const EMPTY_UPDATE = Uint8Array.of(0, 0)

export class FullStateCache {
  /** Sync step 2 with the full state as last encoded. */
  private full: Uint8Array | null = null
  /** The same full state as a bare update. */
  private fullUpdate: Uint8Array | null = null
  private since: Uint8Array[] = []
  private sinceBytes = 0
  /** The updates since, merged into one update message; made on demand. */
  private sinceMessage: Uint8Array | null = null

  constructor(private readonly doc: Y.Doc) {}

  /** Bytes an empty client is sent (as of the last request): how far behind a joining reader may legitimately be. */
  bytes = 0

  /**
   * Messages that together bring an empty document to the document's current state. The sync
   * step 2 comes last: a stock client counts itself synced on reading it, so everything must be
   * in hand by then. The updates since go first; the client holds them as pending until the full
   * state they build on arrives, and applies both at once.
   */
  messages(): Uint8Array[] {
    if (!this.full) {
      this.fullUpdate = Y.encodeStateAsUpdate(this.doc)
      this.full = encodeSyncStep2(this.fullUpdate)
      this.since = []
      this.sinceBytes = 0
      this.sinceMessage = null
    }
    if (this.since.length === 0) {
      this.bytes = this.full.byteLength
      return [this.full]
    }
    this.sinceMessage ??= encodeUpdate(this.since.length === 1 ? this.since[0] : Y.mergeUpdates(this.since))
    this.bytes = this.full.byteLength + this.sinceMessage.byteLength
    return [this.sinceMessage, this.full]
  }

  /** The document's full state is `update` (as just loaded): the first request sends it as it is. */
  seed(update: Uint8Array): void {
    this.full = encodeSyncStep2(update)
    this.fullUpdate = update
    this.since = []
    this.sinceBytes = 0
    this.sinceMessage = null
  }

  /** The full state as one update, if it is at hand without encoding (nothing applied since it was). */
  current(): Uint8Array | null {
    return this.since.length === 0 ? this.fullUpdate : null
  }

  /**
   * What the document applied since its full state was `state`, as one update (empty if nothing),
   * if `state` is still the full state kept (nothing encoded since), else null. A reader sent
   * `state` needs only this; encoding it from the document would cost a pass over every struct.
   */
  appliedSince(state: Uint8Array): Uint8Array | null {
    if (this.fullUpdate !== state) return null
    if (this.since.length === 0) return EMPTY_UPDATE
    return this.since.length === 1 ? this.since[0] : Y.mergeUpdates(this.since)
  }

  /** Note an update the document has just applied. */
  applied(update: Uint8Array): void {
    if (!this.full) return
    this.since.push(update)
    this.sinceBytes += update.byteLength
    this.sinceMessage = null
    if (this.sinceBytes > Math.max(REENCODE_MIN_BYTES, this.full.byteLength * REENCODE_SHARE) || this.since.length > REENCODE_MAX_UPDATES) {
      this.full = null
      this.fullUpdate = null
      this.since = []
      this.sinceBytes = 0
    }
  }
}
