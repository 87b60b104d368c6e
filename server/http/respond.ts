import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ValidationError } from '../../src/model'

/** An error that becomes an HTTP response: `{"error": message}` plus any extra fields. */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { errors?: ValidationError[]; reason?: string } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** JSON API responses are never cached: they carry tokens and live state. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  })
  res.end(text)
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.message, ...error.extra }, error.headers)
}

/**
 * Read a request body up to `limit` bytes; a longer one is refused with 413 without buffering
 * the rest (the connection is closed so the client stops sending).
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    // A request without an encoding set yields Buffers; a string would mean someone set one.
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += bytes.length
    if (size > limit) throw tooLarge(limit)
    chunks.push(bytes)
  }
  return Buffer.concat(chunks)
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `request body larger than ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`}`, {}, { Connection: 'close' })
}

/** Parse a JSON object body; an empty body is `{}`. */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const text = (await readBody(req, limit)).toString('utf8')
  if (text.trim() === '') return {}
  return parseJsonObject(text)
}

/** Parse a body that must be one JSON object, with a 400 that says what was wrong. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new HttpError(400, `body: not valid JSON (${e instanceof Error ? e.message : String(e)})`)
  }
  if (!isJsonObject(value)) throw new HttpError(400, 'body: expected a JSON object')
  return value
}

const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
