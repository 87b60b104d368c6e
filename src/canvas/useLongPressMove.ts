import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type MouseEvent, type PointerEvent } from 'react'

/** How long a finger rests on a card before it may be moved, and how far it may wander meanwhile. */
const HOLD_MS = 500
const HOLD_SLOP_PX = 10
/** An armed move that is not used ends by itself, so the next swipe pans again. */
const ARMED_MS = 6000

const COARSE = '(pointer: coarse)'
const subscribe = (onChange: () => void) => {
  const query = matchMedia(COARSE)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}
const isCoarse = () => matchMedia(COARSE).matches

/**
 * On a touch screen one finger pans the map, even over a card; a card (or a header) moves only
 * after a long press on it, which arms moving until the next drop (or a few idle seconds). With a
 * mouse everything moves as before. `movable` goes to toFlow; `handlers` to the canvas's wrapper.
 */
export function useLongPressMove(readOnly: boolean) {
  const coarse = useSyncExternalStore(subscribe, isCoarse, () => false)
  const [armed, setArmed] = useState(false)
  const hold = useRef<{ timer: number; x: number; y: number } | null>(null)
  const cancelHold = useCallback(() => {
    if (hold.current) clearTimeout(hold.current.timer)
    hold.current = null
  }, [])
  useEffect(() => {
    if (!armed) return
    const timer = window.setTimeout(() => setArmed(false), ARMED_MS)
    return () => clearTimeout(timer)
  }, [armed])
  useEffect(() => cancelHold, [cancelHold])
  const handlers = useMemo(
    () => ({
      onPointerDownCapture: (e: PointerEvent) => {
        if (!coarse || readOnly || e.pointerType === 'mouse' || !(e.target as HTMLElement).closest('.react-flow__node')) return
        cancelHold()
        hold.current = { timer: window.setTimeout(() => setArmed(true), HOLD_MS), x: e.clientX, y: e.clientY }
      },
      onPointerMoveCapture: (e: PointerEvent) => {
        const h = hold.current
        if (h && Math.hypot(e.clientX - h.x, e.clientY - h.y) > HOLD_SLOP_PX) cancelHold()
      },
      onPointerUp: cancelHold,
      onPointerCancel: cancelHold,
      // The browser's own long-press menu would cover the card being armed.
      onContextMenu: (e: MouseEvent) => coarse && e.preventDefault(),
    }),
    [coarse, readOnly, cancelHold],
  )
  const done = useCallback(() => setArmed(false), [])
  return { movable: !coarse || armed, armed: coarse && armed, handlers, done }
}
