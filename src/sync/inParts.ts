/**
 * A whole map from the relay applied in two parts, so its first part is drawn before the rest is
 * applied. Applying a 5,000-touchpoint map (8.7 MB, 270,000 structs) takes most of a second on
 * the main thread, with nothing on screen meanwhile; its first 10,000 structs (a few hundred cards
 * with their fields, and the stages and personas before them) take a few hundredths of that, and
 * structs come in the order they were written, the start of the journey usually first. The cut
 * (doc/updateParts.ts) is made only where the rest is the larger part: from about 20,000 structs,
 * a few hundred cards with their annotations.
 *
 * Loaded on its own, after the page's first code: only a large map needs it.
 */
import { cutUpdate } from '../doc/updateParts'
import type { InParts } from './quietSync'

/** Structs in the first part, at least: it ends where a record starts. */
export const FIRST_PART_STRUCTS = 10_000

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
      const parts = cutUpdate(update, first)
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
