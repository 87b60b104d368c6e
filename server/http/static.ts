/**
 * Serves the built app from `dist/`. Hashed files under /assets/ are cached for a year; the
 * HTML is revalidated on every load so a deploy takes effect at once. `/` and `/m/<mapId>`
 * fall back to index.html (the client routes); other unknown paths are 404.
 */
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { MAP_ID } from '../mapIds'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
}

/**
 * For the HTML shell. React Flow positions nodes with style attributes, hence inline styles;
 * exports make data: and blob: images; the relay is reached over ws:/wss: on this host.
 */
export const HTML_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

const SPA_ROUTE = new RegExp(`^/(?:m/${MAP_ID.source.slice(1, -1)})?$`)

export function createStaticHandler(root: string) {
  const resolvedRoot = path.resolve(root)
  return async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<number> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendPlain(res, 405, 'method not allowed', { Allow: 'GET, HEAD' })
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return sendPlain(res, 400, 'bad path')
    }
    if (SPA_ROUTE.test(decoded)) return sendFile(req, res, path.join(resolvedRoot, 'index.html'), true)
    const file = path.resolve(resolvedRoot, '.' + path.posix.normalize(decoded))
    if (!file.startsWith(resolvedRoot + path.sep) || decoded.includes('\0')) return sendPlain(res, 404, 'not found')
    return sendFile(req, res, file, false)
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, isShell: boolean): Promise<number> {
  let stat: fs.Stats
  try {
    stat = await fs.promises.stat(file)
    if (!stat.isFile()) throw new Error('not a file')
  } catch {
    if (isShell) return sendPlain(res, 503, 'the app is not built yet: run `npm run build` (or `npm start`, which builds first)')
    return sendPlain(res, 404, 'not found')
  }
  const ext = path.extname(file).toLowerCase()
  const hashedAsset = file.includes(`${path.sep}assets${path.sep}`)
  const headers: Record<string, string | number> = {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Last-Modified': stat.mtime.toUTCString(),
    'Cache-Control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(ext === '.html' ? HTML_SECURITY_HEADERS : {}),
  }
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    res.end()
    return 200
  }
  await pipeline(fs.createReadStream(file), res).catch(() => res.destroy())
  return 200
}

function sendPlain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers })
  res.end(text + '\n')
  return status
}
