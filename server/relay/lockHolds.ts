/**
 * The facilitator's lock, as the room lives it: a policy of the room (see roomPolicy.ts). The
 * write rules refuse others' edits while the map is locked (softly: the sender stays connected);
 * this policy remembers who holds refused edits and gets them in once the lock lifts.
 *
 * - A participant whose edit the lock held is told once (an auth "permission denied" message with
 *   the reason, which stock clients log), not on every keystroke.
 * - Locking is a moment worth keeping: the state the facilitator froze is kept as a version, by
 *   the relay that accepted the lock (others see it arrive as a remote update).
 * - Unlocking asks every writer for what the room lacks (a sync step 1), so edits the lock held
 *   land now; viewers only when the lock held a vote of theirs.
 * - A participant whose held edits landed is told what the room now holds, once that is stored.
 */
import * as Y from 'yjs'
import { encodeNotice, encodeSyncStep1 } from './protocol'
import type { Participant, Refusal } from './room'
import type { RoomPolicy, RoomScope } from './roomPolicy'
import { isLocked } from './writePolicy'

export class LockHolds implements RoomPolicy {
  /** Participants holding edits the lock (or another soft refusal) held back. */
  private readonly held = new Set<Participant>()
  /** The lock as of the last change, to act the moment it closes or opens. */
  private wasLocked: boolean

  constructor(private readonly scope: RoomScope) {
    this.wasLocked = isLocked(scope.doc)
  }

  left(participant: Participant): void {
    this.held.delete(participant)
  }

  refused(participant: Participant, refusal: Refusal): void {
    if (refusal.hard || refusal.reason === 'missing' || this.held.has(participant)) return
    this.held.add(participant)
    participant.send(encodeNotice(refusal.reason))
  }

  applied(from: Participant | null): void {
    this.noticeLock(from !== null)
    if (from && this.held.delete(from)) {
      this.scope.afterWrites(() => from.send(encodeSyncStep1(Y.encodeStateVector(this.scope.doc))))
    }
  }

  /** Whether a participant holds edits the room has yet to ask for again. */
  holds(participant: Participant): boolean {
    return this.held.has(participant)
  }

  private noticeLock(takeVersion: boolean): void {
    const { doc, log, mapId } = this.scope
    const locked = isLocked(doc)
    if (locked && !this.wasLocked && takeVersion) void this.scope.takeVersion('lock', 'Locked').catch((e) => log.error('room.version_failed', { mapId, error: String(e) }))
    if (!locked && this.wasLocked) this.askWritersForHeldEdits()
    this.wasLocked = locked
  }

  private askWritersForHeldEdits(): void {
    this.scope.afterWrites(() => {
      const ask = encodeSyncStep1(Y.encodeStateVector(this.scope.doc))
      for (const p of this.scope.participants()) if (p.role !== 'viewer' || this.held.has(p)) p.send(ask)
    })
  }
}
