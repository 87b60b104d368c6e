import { errorCodeOf, type ErrorCode } from '../model'
import type { MessageKey } from './catalogs/en'
import type { Translator } from './translate'

/** The catalog entry that words each code; a code without one is a type error here. */
export const ERROR_CODE_KEYS: Readonly<Record<ErrorCode, MessageKey>> = {
  'not-found': 'errorCode.not-found',
  invalid: 'errorCode.invalid',
  'map-not-empty': 'errorCode.map-not-empty',
  'no-open-round': 'errorCode.no-open-round',
  'votes-spent': 'errorCode.votes-spent',
  'link-refused': 'errorCode.link-refused',
  'link-revoked': 'errorCode.link-revoked',
  forbidden: 'errorCode.forbidden',
  'map-locked': 'errorCode.map-locked',
  conflict: 'errorCode.conflict',
  'too-large': 'errorCode.too-large',
  'rate-limited': 'errorCode.rate-limited',
  'schema-violation': 'errorCode.schema-violation',
  malformed: 'errorCode.malformed',
  unavailable: 'errorCode.unavailable',
  'no-server': 'errorCode.no-server',
  'server-error': 'errorCode.server-error',
  unexpected: 'errorCode.unexpected',
}

/**
 * What went wrong, in the reader's language, from the code a thrown value carries (a
 * `CommandError`, an `ApiError`, or a bare code). Never a server's or a developer's English.
 */
export function errorText(t: Translator, e: unknown): string {
  return t(ERROR_CODE_KEYS[typeof e === 'string' ? errorCodeOf({ code: e }) : errorCodeOf(e)])
}
