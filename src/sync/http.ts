/**
 * The one HTTP client for the relay's API: every call goes through `request`, and what a status
 * means is decided here, once, as an error code (model/errorCodes.ts). No caller matches on a
 * status or on the server's English; the interface words the code in the reader's language.
 */
import { isErrorCode, type ErrorCode } from '../model'

/** A refused or failed API call: `code` says what it means, `status` is the HTTP status (0: no answer). */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message)
  }

  /** The link was refused (revoked, expired or forged): asking again will not help. */
  get linkRefused(): boolean {
    return this.code === 'link-refused' || this.code === 'link-revoked'
  }

  /**
   * The server answered and said no (a 4xx). 404 and 405 are not refusals: a static host without
   * the API answers them, and that means there is no server to keep the map on.
   */
  get refused(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 404 && this.status !== 405
  }
}

/** The server refused the request (see `ApiError.refused`); false for "no server to reach". */
export function serverRefused(e: unknown): e is ApiError {
  return e instanceof ApiError && e.refused
}

/** An error body as the relay writes it: `{"error": message, "reason"?, "errors"?, "code"?}`. */
interface ErrorBody {
  error?: unknown
  reason?: unknown
  code?: unknown
  errors?: { path: string; message: string }[]
}

/** The 403 reasons (server/auth/authorize.ts) that mean the link itself no longer works. */
const LINK_REVOKED = new Set(['token_revoked', 'seat_revoked'])

/** What an HTTP status (with the body's `reason`, when it has one) means. */
export function codeOfStatus(status: number, body: ErrorBody = {}): ErrorCode {
  if (isErrorCode(body.code)) return body.code
  switch (status) {
    case 400:
      return 'invalid'
    case 401:
      return 'link-refused'
    case 403:
      if (typeof body.reason === 'string' && LINK_REVOKED.has(body.reason)) return 'link-revoked'
      return body.reason === 'token_other_map' ? 'link-refused' : 'forbidden'
    case 404:
      return 'not-found'
    case 405:
      return 'no-server'
    case 409:
      return 'conflict'
    case 413:
      return 'too-large'
    case 423:
      return 'map-locked'
    case 429:
      return 'rate-limited'
    case 503:
      return 'unavailable'
  }
  if (status >= 500) return 'server-error'
  return status >= 400 ? 'invalid' : 'unexpected'
}

/** A response's JSON body, or the ApiError its status means (also for calls in lazily loaded modules). */
export async function readJson<T>(res: Response): Promise<T> {
  const body: unknown = await res.json().catch(() => ({}))
  if (!res.ok) {
    const fields: ErrorBody = typeof body === 'object' && body !== null ? body : {}
    const detail = fields.errors?.map((e) => `${e.path}: ${e.message}`).join('\n') ?? (typeof fields.error === 'string' ? fields.error : res.statusText)
    throw new ApiError(codeOfStatus(res.status, fields), res.status, `${res.status}: ${detail}`)
  }
  return body as T
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE'
  /** Sent as `Authorization: Bearer …`. */
  token?: string
  /** Sent as JSON. */
  body?: unknown
  cache?: RequestCache
}

/** Call the API: the answer's JSON, or an ApiError with its code (`no-server` when nothing answers). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: options.cache,
    })
  } catch (e) {
    throw new ApiError('no-server', 0, `no answer: ${e instanceof Error ? e.message : String(e)}`)
  }
  return readJson<T>(res)
}
