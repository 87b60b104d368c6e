/**
 * Serves the built app from `dist/` through sirv (a small, maintained static server): ETags and
 * 304s, byte ranges, and the brotli/gzip files the build writes beside each text asset
 * (vite.config.ts), chosen by Accept-Encoding. Hashed files under /assets/ are cached for a year
 * as immutable; everything else (the HTML) is revalidated on every load so a deploy takes effect
 * at once. `/` and `/m/<mapId>` are the HTML shell (the client routes); other unknown paths are 404.
 */
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import { MAP_ID } from '../mapIds'

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
/** Text files say they are UTF-8 (sirv names the type only); the rest keep sirv's type. */
const TEXT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
}

export function createStaticHandler(root: string) {
  const resolvedRoot = path.resolve(root)
  const shell = path.join(resolvedRoot, 'index.html')
  // sirv reads the folder's listing once; a build that replaces dist/ under a running server
  // (npm start builds first; a deploy may rebuild in place) is picked up by reading it again.
  let served: { builtAt: number; handler: ReturnType<typeof sirv> } | null = null
  const handlerFor = (builtAt: number) => {
    if (served?.builtAt !== builtAt) {
      served = {
        builtAt,
        handler: sirv(resolvedRoot, {
          etag: true,
          gzip: true,
          brotli: true,
          dotfiles: false,
          extensions: [],
          setHeaders(res, pathname) {
            res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
            res.setHeader('X-Content-Type-Options', 'nosniff')
            const text = TEXT_TYPES[path.posix.extname(pathname).toLowerCase()]
            if (text) res.setHeader('Content-Type', text)
            if (pathname.endsWith('.html')) for (const [name, value] of Object.entries(HTML_SECURITY_HEADERS)) res.setHeader(name, value)
          },
        }),
      }
    }
    return served.handler
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<number> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendPlain(res, 405, 'method not allowed', { Allow: 'GET, HEAD' })
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return sendPlain(res, 400, 'bad path')
    }
    const builtAt = await fs.promises.stat(shell).then((s) => s.mtimeMs, () => null)
    const isShell = SPA_ROUTE.test(decoded)
    if (builtAt === null) return isShell ? sendPlain(res, 503, 'the app is not built yet: run `npm run build` (or `npm start`, which builds first)') : sendPlain(res, 404, 'not found')
    if (decoded.includes('\0')) return sendPlain(res, 404, 'not found')
    if (isShell) req.url = '/index.html'
    return new Promise<number>((resolve) => {
      res.once('finish', () => resolve(res.statusCode))
      res.once('close', () => resolve(res.statusCode))
      handlerFor(builtAt)(req, res, () => resolve(sendPlain(res, 404, 'not found')))
    })
  }
}

function sendPlain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers })
  res.end(text + '\n')
  return status
}
