import { errorCodeOf, type ErrorCode } from '../model'
import type { MessageKey } from './catalogs/en'
import type { Translator } from './translate'

/** The catalog entry that words a code: a code without one in the catalogs is a type error here. */
export const errorCodeKey = (code: ErrorCode): MessageKey => `errorCode.${code}`

/**
 * What went wrong, in the reader's language, from the code a thrown value carries (a
 * `CommandError`, an `ApiError`, or a bare code). Never a server's or a developer's English.
 */
export function errorText(t: Translator, e: unknown): string {
  return t(errorCodeKey(typeof e === 'string' ? errorCodeOf({ code: e }) : errorCodeOf(e)))
}
