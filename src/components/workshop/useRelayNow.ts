import { useEffect, useState } from 'react'
import { relayNow } from '../../session'
import { useJourneyStore } from '../../store'

/** Relay time, re-rendering every `intervalMs` while `active`. */
export function useRelayNow(active: boolean, intervalMs = 250): number {
  const offset = useJourneyStore((s) => s.clockOffset)
  const [now, setNow] = useState(() => relayNow(offset))
  useEffect(() => {
    setNow(relayNow(offset))
    if (!active) return
    const id = setInterval(() => setNow(relayNow(offset)), intervalMs)
    return () => clearInterval(id)
  }, [active, intervalMs, offset])
  return now
}

export function formatDuration(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${String(s).padStart(2, '0')}`
}
