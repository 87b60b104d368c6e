/**
 * Calls that load with the views that use them, not with the app (see server.ts): join codes
 * with the share dialog, another map's export with the as-is/to-be comparison.
 */
export { createJoinCode } from '../sync/joinCodes'
export { fetchExportedMap } from '../sync/exportedMap'
