/**
 * The relay's clock, as seen from here. Timers are stored in relay time, so a late joiner whose
 * machine runs two minutes fast still sees the same seconds left as everyone else.
 * One round trip, NTP-style: offset = server − (sent + received) / 2; the best of three samples
 * (the shortest round trip) wins.
 */
import { request } from './http'

export async function measureClockOffset(samples = 3): Promise<number> {
  let best: { rtt: number; offset: number } | null = null
  for (let i = 0; i < samples; i++) {
    const sent = Date.now()
    const { now } = await request<{ now: number }>('/api/time', { cache: 'no-store' })
    const received = Date.now()
    const rtt = received - sent
    const offset = now - (sent + received) / 2
    if (!best || rtt < best.rtt) best = { rtt, offset }
  }
  return Math.round(best!.offset)
}

/** Relay time now, given a measured offset. */
export function relayNow(offset: number): number {
  return Date.now() + offset
}
