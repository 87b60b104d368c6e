/**
 * What went wrong, as a stable machine code. A command that cannot run (`CommandError`), an HTTP
 * answer (`ApiError`) and the relay's close codes and notices all say it this way; the interface
 * words a code from the catalogs (`errorCode.<code>`, en/da/sv/nb) in the reader's language and
 * never shows a message written for a developer. Codes are kept: add one, never rename one.
 */
export const ERROR_CODES = [
  /** What it acts on is gone: a colleague deleted it, or the server keeps no such thing (404). */
  'not-found',
  /** The input breaks a rule of the map's schema or the command (400, a validation error). */
  'invalid',
  /** A map can be created or imported only into an empty map. */
  'map-not-empty',
  /** A vote with no open round. */
  'no-open-round',
  /** Every vote of the round's budget is placed. */
  'votes-spent',
  /** The link is missing, forged, expired or for another map (401). */
  'link-refused',
  /** The facilitator revoked the link or its seat (403, close 4403). */
  'link-revoked',
  /** The role may not do this (403, close 4423). */
  'forbidden',
  /** The facilitator locked the map: the write waits for the unlock (the relay's `locked` notice). */
  'map-locked',
  /** It exists already, or a map holds as many as it may (409). */
  'conflict',
  /** Larger than the server takes (413, close 4413). */
  'too-large',
  /** Too many requests from here; trying again shortly works (429, close 4529). */
  'rate-limited',
  /** A change that would break the map's schema (close 4422). */
  'schema-violation',
  /** The server could not read what this browser sent (close 4400). */
  'malformed',
  /** The server is there but cannot serve now: storage down, shutting down, busy (503, 1001, 1011, 1013, 4503). */
  'unavailable',
  /** No server answers at this address (the network failed, or a static host without the API: 405). */
  'no-server',
  /** The server failed (another 5xx). */
  'server-error',
  /** Anything else: a defect, not something the person can act on. */
  'unexpected',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export const isErrorCode = (value: unknown): value is ErrorCode => ERROR_CODES.some((code) => code === value)

/** The code a thrown value carries (`CommandError`, `ApiError`), or `unexpected`. */
export function errorCodeOf(e: unknown): ErrorCode {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined
  return isErrorCode(code) ? code : 'unexpected'
}

/**
 * The relay's WebSocket close codes (server/relay/protocol.ts `CLOSE_CODES`, DESIGN.md contract
 * 2), each with its machine code. The relay sends the code as the close reason's first word; the
 * browser reads the close code through this same table.
 */
export const CLOSE_CODE_ERRORS: Readonly<Record<number, ErrorCode>> = {
  1001: 'unavailable',
  1003: 'malformed',
  1009: 'too-large',
  1011: 'unavailable',
  1013: 'unavailable',
  4400: 'malformed',
  4403: 'link-revoked',
  4413: 'too-large',
  4422: 'schema-violation',
  4423: 'forbidden',
  4503: 'unavailable',
  4529: 'rate-limited',
}

export const errorOfClose = (closeCode: number): ErrorCode => CLOSE_CODE_ERRORS[closeCode] ?? 'unexpected'

/** The reason words of the relay's "not applied" notice (`encodeNotice`), each with its code. */
export const NOTICE_ERRORS: Readonly<Record<string, ErrorCode>> = { locked: 'map-locked' }
