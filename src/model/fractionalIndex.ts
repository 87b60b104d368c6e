/**
 * Order is a fractional-index string on the record, not a position in a Y.Array: a move is one
 * field write, and two concurrent moves of the same item can never duplicate it. Two peers that
 * insert at the same spot at once may mint the same key; sorting breaks that tie by id, so every
 * peer still agrees on one order.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

export function keyBetween(before: string | null | undefined, after: string | null | undefined): string {
  const a = before ?? null
  const b = after ?? null
  // Equal neighbours (a concurrent tie) have no key strictly between them: place after both.
  if (a !== null && b !== null && a >= b) return generateKeyBetween(a, null)
  return generateKeyBetween(a, b)
}

export function keysBetween(before: string | null, after: string | null, n: number): string[] {
  return generateNKeysBetween(before, after, n)
}

export function byOrder<T extends { order: string; id: string }>(a: T, b: T): number {
  if (a.order < b.order) return -1
  if (a.order > b.order) return 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The key that puts an item at `index` among `siblings` (already sorted, the item itself excluded). */
export function keyForIndex(siblings: readonly { order: string }[], index: number): string {
  const i = Math.max(0, Math.min(index, siblings.length))
  return keyBetween(siblings[i - 1]?.order ?? null, siblings[i]?.order ?? null)
}

export function isValidOrderKey(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false
  try {
    generateKeyBetween(value, null)
    return true
  } catch {
    return false
  }
}
