/**
 * A version at the start of each session: a policy of the room (see roomPolicy.ts). The first
 * participant to join a loaded room starts a session, and the map as it was then is kept, unless
 * a version was taken recently (a relay restart or a room unloaded between two colleagues is not
 * a new session).
 */
import type { RoomPolicy, RoomScope } from './roomPolicy'

/** A version is taken at a session's start unless one is this recent. */
export const SESSION_VERSION_GAP_MS = 30 * 60 * 1000

export class SessionVersions implements RoomPolicy {
  private started = false

  constructor(private readonly scope: RoomScope) {}

  joined(): void {
    if (this.started) return
    this.started = true
    // The map as the session found it: already encoded when the room was just loaded.
    void this.versionAtSessionStart(this.scope.encodedState())
  }

  private async versionAtSessionStart(state: Uint8Array | null): Promise<void> {
    const { store, mapId, log } = this.scope
    try {
      const [latest] = await store.listVersions(mapId)
      if (latest && Date.now() - Date.parse(latest.createdAt) < SESSION_VERSION_GAP_MS) return
      await this.scope.takeVersion('session-start', 'Session start', state ?? undefined)
    } catch (e) {
      log.error('room.version_failed', { mapId, error: String(e) })
    }
  }
}
