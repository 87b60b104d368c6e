/**
 * Edit → remote-apply latency between two participants, for tests and benchmarks: `from` renames
 * the map every `everyMs`, `to` notes when each title arrives. Titles are numbered: when the
 * relay merges several renames into one message only the last is seen, and it settles every
 * earlier one too. An edit that never arrives counts with the time it waited, so a stall cannot
 * hide as a missing sample.
 */
import { setMeta } from '../../src/commands'
import type { SyncClient } from './syncClient'

export interface LatencyProbe {
  /** Stop editing, wait (up to `settleMs`) for edits in flight, and return the latencies sorted. */
  stop(settleMs?: number): Promise<number[]>
}

export function startLatencyProbe(from: SyncClient, to: SyncClient, everyMs = 12): LatencyProbe {
  /** Sequence number → when it was sent, in sending order. */
  const sentAt = new Map<number, number>()
  const latencies: number[] = []
  const meta = to.doc.getMap('meta')
  const onChange = () => {
    const seen = Number(/^Måling (\d+) ⏱$/.exec(String(meta.get('title')))?.[1] ?? -1)
    const now = performance.now()
    for (const [seq, started] of sentAt) {
      if (seq > seen) break
      latencies.push(now - started)
      sentAt.delete(seq)
    }
  }
  meta.observe(onChange)
  let n = 0
  const timer = setInterval(() => {
    sentAt.set(n, performance.now())
    setMeta(from.doc, { title: `Måling ${n++} ⏱` })
  }, everyMs)
  return {
    async stop(settleMs = 2000) {
      clearInterval(timer)
      const deadline = performance.now() + settleMs
      while (sentAt.size && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
      meta.unobserve(onChange)
      const now = performance.now()
      for (const started of sentAt.values()) latencies.push(now - started)
      return latencies.sort((a, b) => a - b)
    },
  }
}
