import { useRef } from 'react'
import { useJourneyStore, type JourneyState } from './journeyStore'

/**
 * `useJourneyStore(selector)` for a selector that derives a new value on every call (a filtered
 * list, records paired with titles): the previous value is kept while `equal` says nothing the
 * caller shows changed, so the component re-renders only when it did. `useShallow` is this with
 * one level of `Object.is`; use it when that is enough.
 */
export function useJourneyStoreWith<T>(selector: (s: JourneyState) => T, equal: (a: T, b: T) => boolean): T {
  const previous = useRef<{ value: T } | null>(null)
  return useJourneyStore((s) => {
    const next = selector(s)
    if (previous.current && equal(previous.current.value, next)) return previous.current.value
    previous.current = { value: next }
    return next
  })
}
