import type { FanOut, FanOutEnvelope } from './types'

/**
 * Fan-out between relays in one process (and the default for a single relay, where nobody else
 * listens). Delivery is deferred to a microtask, as a network bus would be asynchronous too.
 */
export class InProcessFanOut implements FanOut {
  private readonly listeners = new Map<string, Set<(envelope: FanOutEnvelope) => void>>()

  publish(envelope: FanOutEnvelope): void {
    const listeners = this.listeners.get(envelope.mapId)
    if (!listeners || listeners.size < 2) return // only the publisher itself listens
    for (const listener of [...listeners]) queueMicrotask(() => listener(envelope))
  }

  subscribe(mapId: string, listener: (envelope: FanOutEnvelope) => void): () => void {
    let set = this.listeners.get(mapId)
    if (!set) this.listeners.set(mapId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(mapId)
    }
  }
}
