/**
 * How much of a map's stored update log a room's document holds: every row up to `contiguous`,
 * plus some rows beyond it. Rows arrive out of order (several relays append, each publishes
 * after its own write), so a hole is normal for a moment; a hole that stays open means the
 * fan-out lost a message, and the room reads from storage what follows `contiguous`.
 */
export class LogPosition {
  /** Rows beyond `contiguous` already held, with when each was first seen. */
  private readonly ahead = new Map<number, number>()

  constructor(
    /** Every stored row with a sequence number up to this one is in the document. */
    public contiguous: number,
  ) {}

  /** The document now holds row `seq`. */
  saw(seq: number, now = Date.now()): void {
    if (!Number.isSafeInteger(seq) || seq <= this.contiguous || this.ahead.has(seq)) return
    this.ahead.set(seq, now)
    this.advance()
  }

  /** The document now holds every row up to `seq` (read from storage). */
  caughtUpTo(seq: number): void {
    if (seq <= this.contiguous) return
    this.contiguous = seq
    for (const s of this.ahead.keys()) if (s <= seq) this.ahead.delete(s)
    this.advance()
  }

  get hasGap(): boolean {
    return this.ahead.size > 0
  }

  /** How long the oldest open hole has been open (0 when there is none). */
  gapAgeMs(now = Date.now()): number {
    let oldest = now
    for (const seenAt of this.ahead.values()) if (seenAt < oldest) oldest = seenAt
    return now - oldest
  }

  private advance(): void {
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous++
  }
}
