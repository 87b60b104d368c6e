import type { FanOut, FanOutEnvelope, MissedReason } from './types'

interface Listener {
  message(envelope: FanOutEnvelope): void
  missed?(reason: MissedReason): void
}

/**
 * Fan-out between relays in one process (and the default for a single relay, where nobody else
 * listens). Delivery is deferred to a microtask, as a network bus would be asynchronous too.
 * It loses nothing once subscribed; a subscriber joining a map others already publish to is
 * told to read what came before from storage.
 */
export class InProcessFanOut implements FanOut {
  readonly shared = false
  readonly healthy = true
  private readonly listeners = new Map<string, Set<Listener>>()

  publish(envelope: FanOutEnvelope): void {
    const listeners = this.listeners.get(envelope.mapId)
    if (!listeners || listeners.size < 2) return // only the publisher itself listens
    for (const listener of [...listeners]) queueMicrotask(() => listener.message(envelope))
  }

  subscribe(mapId: string, message: (envelope: FanOutEnvelope) => void, missed?: (reason: MissedReason) => void): () => void {
    let set = this.listeners.get(mapId)
    if (!set) this.listeners.set(mapId, (set = new Set()))
    const listener: Listener = { message, missed }
    // Another relay of this process holds the map: it may have stored updates since we read storage.
    if (set.size > 0 && missed) queueMicrotask(() => missed('subscribed'))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(mapId)
    }
  }

  async close(): Promise<void> {}
}
