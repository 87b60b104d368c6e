/**
 * The network as the interface reaches it: components call the relay, keep recent maps and open a
 * session only through here, never `src/sync` itself (src/architecture.test.ts holds that), so
 * the sync folder can change how it talks to the relay without touching a component. Every call
 * that fails throws an `ApiError` with a code (sync/http.ts); components word it with
 * `errorText` from the catalogs.
 */
export {
  ApiError,
  createMapOnServer,
  createSeat,
  fetchMapInfo,
  fetchVersion,
  forgetMap,
  getRecentMap,
  importMapOnServer,
  linkExpiresAt,
  listRecentMaps,
  listSeats,
  listVersions,
  loadIdentity,
  measureClockOffset,
  mintLink,
  openMapSession,
  relayNow,
  rememberMap,
  revokeLinks,
  revokeSeat,
  saveIdentity,
  saveVersion,
  serverRefused,
  shareUrl,
  takeLinkToken,
  type Identity,
  type MapSession,
  type RecentMap,
  type SeatLink,
  type VersionInfo,
} from '../sync'
