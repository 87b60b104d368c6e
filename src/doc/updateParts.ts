/**
 * A large Yjs v1 update cut into smaller valid updates, to be applied one after another: by the
 * browser, to draw a map's first part before the rest is applied (sync/inParts.ts); by the relay,
 * to load a large stored map over several event-loop turns instead of one long one.
 *
 * v1 updates encode each struct on its own (full ids, no delta coding), so an update can be cut
 * between structs: each part holds the next structs in block order under block headers of its
 * own, and the last part carries the delete set. Applied in order the parts do exactly what the
 * whole does; each prefix is a consistent earlier state (a struct whose origin comes in a later
 * part waits in Yjs until it comes). A part ends where a record starts (a map set in a collection
 * by a new key), so a record comes with all the fields it was written with.
 *
 * The cuts are found by skipping over the bytes, without decoding strings or building Yjs types.
 * Only the content this document schema stores is read (maps, JSON-like values, deletions, GC and
 * skips); from the first struct with any other content, or one that cannot be read, the rest of
 * the update is one last part, left to Yjs as it is.
 */

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
      case 2: // varInt: goes on while the high bit is set
        while (this.byte() & 0x80);
        return
      case 3:
        return this.skip(4)
      case 4:
      case 5:
        return this.skip(8)
      case 8: // string
      case 11: // bytes
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
      default:
        throw new RangeError('unknown value')
    }
  }
  /** Skip one struct; its length in clock ticks. Throws for content this schema does not store. */
  skipStruct(): number {
    const info = this.byte()
    const ref = info & 0x1f
    if (ref === 0 || ref === 10) return this.varUint() // GC or skip: a length
    if (info & 0x80) this.skipId() // origin
    if (info & 0x40) this.skipId() // right origin
    if ((info & 0xc0) === 0) {
      if (this.varUint() === 1) this.skipString() // a root type's name
      else this.skipId() // the parent item
      if (info & 0x20) this.skipString() // the key in a map
    }
    switch (ref) {
      case 1: // deleted
        return this.varUint()
      case 7: // a type: maps only
        if (this.varUint() !== Y_MAP) throw new RangeError('not a map')
        return 1
      case 8: {
        // JSON-like values
        const values = this.varUint()
        for (let v = 0; v < values; v++) this.skipAny()
        return values
      }
      default:
        throw new RangeError(`content ${ref}`)
    }
  }
}

const Y_MAP = 1

/** Whether the struct at `pos` starts a record: a map set in a collection (a root type) by a new key. */
function startsRecord(bytes: Uint8Array, pos: number): boolean {
  const info = bytes[pos]
  // No origins (so its parent follows), a key, a map; the parent a root type's name (1).
  return (info & 0xc0) === 0 && (info & 0x20) !== 0 && (info & 0x1f) === 7 && bytes[pos + 1] === 1
}

/** Numbers as lib0 writes them (varUint). */
function varUints(...numbers: number[]): number[] {
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

const NO_DELETIONS = [0]

/**
 * The update's parts, in order: part `i` holds at least `structs(i)` structs (on to where the next
 * record starts), the last what is left with the delete set. `structs(i)` may be Infinity: the
 * rest, as one part, without reading it. A small update is one part, itself.
 */
export function* updateParts(update: Uint8Array, structs: (part: number) => number): Generator<Uint8Array, void, void> {
  const r = new Reader(update)
  let blocks: number
  try {
    blocks = r.varUint()
  } catch {
    yield update
    return
  }
  /** Blocks whose header is not read yet. */
  let unread = blocks
  /** The block being read: its client, the clock of its next struct, its structs left. */
  let block: { client: number; clock: number; left: number } | null = null
  /** What is left, as one update from the current position. */
  const rest = () => concat([varUints(unread + (block ? 1 : 0)), block ? varUints(block.left, block.client, block.clock) : [], update.subarray(r.pos)])

  for (let part = 0; ; part++) {
    const wanted = structs(part)
    if (wanted === Infinity) {
      yield part === 0 ? update : rest()
      return
    }
    const pieces: (Uint8Array | number[])[] = []
    let blocksInPart = 0
    let count = 0
    try {
      for (;;) {
        if (!block) {
          if (unread === 0) break
          const at = r.pos
          try {
            block = { left: r.varUint(), client: r.varUint(), clock: r.varUint() }
          } catch (e) {
            r.pos = at
            throw e
          }
          unread--
        }
        const start = r.pos
        const clock = block.clock
        let taken = 0
        while (block.left > 0 && (count < wanted || !startsRecord(update, r.pos))) {
          const at = r.pos
          let length: number
          try {
            length = r.skipStruct()
          } catch (e) {
            r.pos = at
            if (taken > 0) pieces.push(varUints(taken, block.client, clock), update.subarray(start, at)), blocksInPart++
            throw e
          }
          block.clock += length
          block.left--
          taken++
          count++
        }
        if (taken > 0) {
          pieces.push(varUints(taken, block.client, clock), update.subarray(start, r.pos))
          blocksInPart++
        }
        if (block.left > 0) break // cut inside this block
        block = null
      }
    } catch {
      // Unreadable from here on: what was read so far, then the rest as it is.
      if (blocksInPart > 0) yield concat([varUints(blocksInPart), ...pieces, NO_DELETIONS])
      yield rest()
      return
    }
    if (!block && unread === 0) {
      // All structs read: the delete set follows.
      yield part === 0 ? update : concat([varUints(blocksInPart), ...pieces, update.subarray(r.pos)])
      return
    }
    yield concat([varUints(blocksInPart), ...pieces, NO_DELETIONS])
  }
}

/**
 * The update cut in two after its first `first` structs (on to where the next record starts), or
 * null when the first part would not be the smaller half or the update cannot be read that far.
 */
export function cutUpdate(update: Uint8Array, first: number): [Uint8Array, Uint8Array] | null {
  const parts = updateParts(update, (i) => (i === 0 ? first : Infinity))
  const head = parts.next()
  const tail = parts.next()
  if (head.done || tail.done || head.value.byteLength * 2 > update.byteLength) return null
  // A first part that stopped at content it cannot read is followed by the rest as it is: still valid.
  return [head.value, tail.value]
}
