/**
 * A whole map from the relay, cut in two so its first part can be drawn before the rest is
 * applied. Applying a 5,000-touchpoint map (8.7 MB, 270,000 structs) takes most of a second on
 * the main thread, with nothing on screen meanwhile; its first 40,000 structs take a fraction of
 * that and hold the map's first stages' cards (structs come in the order they were written).
 *
 * Yjs v1 updates encode each struct on its own (full ids, no delta coding), so an update can be
 * cut between structs into two valid updates: the first N structs, in block order, and the rest
 * with the delete set. Applied in order they do exactly what the whole does; the first alone is
 * a consistent earlier state (a struct whose origin is in the rest waits in Yjs until it comes).
 * The cut is found by skipping over the bytes, without decoding strings or building Yjs types.
 * Only the content this document schema stores is known (maps, JSON-like values, deletions);
 * anything else, or anything unreadable, is left to Yjs whole.
 *
 * Loaded on its own, after the page's first code: only a large map needs it.
 */

import type { InParts } from './quietSync'

/** Structs in the first part. */
export const FIRST_PART_STRUCTS = 40_000

/** Call `next` after the next paint; a page out of sight paints nothing, so at most a moment later. */
function afterNextPaint(next: () => void): void {
  let done = false
  const go = () => {
    if (done) return
    done = true
    next()
  }
  requestAnimationFrame(() => setTimeout(go, 0))
  setTimeout(go, 250)
}

/**
 * A whole map applied in two parts: the first at once, the rest after it has been painted.
 * `arriving` hears when the rest is on its way (true) and applied (false).
 */
export function inParts({ arriving, afterPaint = afterNextPaint, first = FIRST_PART_STRUCTS }: { arriving: (value: boolean) => void; afterPaint?: (next: () => void) => void; first?: number }): InParts {
  return {
    take(update, apply, done) {
      const parts = splitUpdate(update, first)
      if (!parts) return false
      // As y-protocols does with an update it cannot apply: said, and the rest goes on.
      const applyPart = (part: Uint8Array) => {
        try {
          apply(part)
        } catch (e) {
          console.error(e)
        }
      }
      applyPart(parts[0])
      arriving(true)
      afterPaint(() => {
        applyPart(parts[1])
        arriving(false)
        done()
      })
      return true
    },
  }
}

class Reader {
  pos = 0
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.bytes.length) throw new RangeError('end of update')
    return this.bytes[this.pos++]
  }
  varUint(): number {
    let num = 0
    let mult = 1
    for (;;) {
      const r = this.byte()
      num += (r & 0x7f) * mult
      if (r < 0x80) return num
      mult *= 128
      if (mult > 2 ** 53) throw new RangeError('varUint too long')
    }
  }
  skip(n: number): void {
    this.pos += n
    if (this.pos > this.bytes.length) throw new RangeError('end of update')
  }
  skipString(): void {
    this.skip(this.varUint())
  }
  skipId(): void {
    this.varUint()
    this.varUint()
  }
  /** lib0's `readAny`, skipped. */
  skipAny(depth = 0): void {
    if (depth > 64) throw new RangeError('value nested too deep')
    switch (127 - this.byte()) {
      case 0: // undefined
      case 1: // null
      case 6: // false
      case 7: // true
        return
      case 2: {
        // varInt: continues while the high bit is set
        while (this.byte() & 0x80);
        return
      }
      case 3:
        return this.skip(4)
      case 4:
      case 5:
        return this.skip(8)
      case 8:
        return this.skipString()
      case 9: {
        const n = this.varUint()
        for (let i = 0; i < n; i++) {
          this.skipString()
          this.skipAny(depth + 1)
        }
        return
      }
      case 10: {
        const n = this.varUint()
        for (let i = 0; i < n; i++) this.skipAny(depth + 1)
        return
      }
      case 11:
        return this.skipString() // a Uint8Array: length, then bytes
      default:
        throw new RangeError('unknown value')
    }
  }
}

const Y_MAP = 1

/** Skip one struct; returns its length in clock ticks, or null for content this schema does not store. */
function skipStruct(r: Reader): number | null {
  const info = r.byte()
  const ref = info & 0x1f
  if (ref === 0 || ref === 10) return r.varUint() // GC or skip: a length
  if (info & 0x80) r.skipId() // origin
  if (info & 0x40) r.skipId() // right origin
  if ((info & 0xc0) === 0) {
    if (r.varUint() === 1) r.skipString() // a root type's name
    else r.skipId() // the parent item
    if (info & 0x20) r.skipString() // the key in a map
  }
  switch (ref) {
    case 1: // deleted
      return r.varUint()
    case 7: // a type: only maps here
      return r.varUint() === Y_MAP ? 1 : null
    case 8: {
      // JSON-like values
      const values = r.varUint()
      for (let v = 0; v < values; v++) r.skipAny()
      return values
    }
    default:
      return null
  }
}

/** Whether the struct at `pos` is a record: a map set in a collection (a root type) by a new key. */
function startsRecord(update: Uint8Array, pos: number): boolean {
  const info = update[pos]
  // No origins (so its parent follows), a key, a map; the parent a root type's name (1).
  return (info & 0xc0) === 0 && (info & 0x20) !== 0 && (info & 0x1f) === 7 && update[pos + 1] === 1
}

/** Numbers as lib0 writes them (varUint). */
function header(...numbers: number[]): number[] {
  const out: number[] = []
  for (let n of numbers) {
    while (n > 0x7f) {
      out.push((n % 128) | 0x80)
      n = Math.floor(n / 128)
    }
    out.push(n)
  }
  return out
}

function concat(parts: (Uint8Array | number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/**
 * The update cut after its first `first` structs: [the first part, the rest with the delete set],
 * or null when it is not worth cutting (the first part would be most of it) or cannot be read
 * here. Only the first part is read: the rest is the same bytes, behind a header of its own.
 */
export function splitUpdate(update: Uint8Array, first = FIRST_PART_STRUCTS): [Uint8Array, Uint8Array] | null {
  const r = new Reader(update)
  try {
    const blocks = r.varUint()
    const blocksStart = r.pos
    let left = first
    for (let b = 0; b < blocks; b++) {
      const blockStart = r.pos
      const n = r.varUint()
      const client = r.varUint()
      const clock = r.varUint()
      const structsStart = r.pos
      let at = clock
      let taken = 0
      // Up to the first part's size, then on to where the next record starts: a card is drawn
      // with all its fields or not at all.
      while (taken < n && (taken < left || !startsRecord(update, r.pos))) {
        const length = skipStruct(r)
        if (length === null) return null
        at += length
        taken++
      }
      left -= Math.min(left, taken)
      if (left > 0) continue
      // Cut here: worth it only when what is left is most of the update.
      if (r.pos * 2 > update.length) return null
      const firstPart: (Uint8Array | number[])[] = []
      const restPart: (Uint8Array | number[])[] = []
      const whole = update.subarray(blocksStart, blockStart) // the blocks before this one
      if (taken === n) {
        firstPart.push(header(b + 1), whole, update.subarray(blockStart, r.pos))
        restPart.push(header(blocks - b - 1), update.subarray(r.pos))
      } else {
        firstPart.push(header(b + (taken > 0 ? 1 : 0)), whole)
        if (taken > 0) firstPart.push(header(taken, client, clock), update.subarray(structsStart, r.pos))
        restPart.push(header(blocks - b, n - taken, client, at), update.subarray(r.pos))
      }
      firstPart.push(header(0)) // no deletions: they all come with the rest
      return [concat(firstPart), concat(restPart)]
    }
    return null // fewer structs than the first part
  } catch {
    return null
  }
}
