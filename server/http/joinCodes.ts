/**
 * Join codes: a short address that stands for a map's editor or viewer link during a workshop,
 * for a projector or a whiteboard (server/README.md):
 *
 *   POST /api/maps/<id>/join-codes   {"role": "editor"|"viewer", "expiresInSeconds"?} → 201 {code, url, role, expiresAt}   (facilitator)
 *   GET  /j/<code>                   → 302 to the map's link of that role, or a plain 404 / 410 page
 *
 * A code lasts the workshop: 12 hours unless asked otherwise, never more than 24. It names the
 * role's epoch when it was made, so revoking the role's links retires it at once: the lookup
 * refuses it (410), not only the link it would lead to.
 *
 * Why a code cannot be guessed in its lifetime. Nine characters from an alphabet of 32 (digits
 * 2–9 and the letters without I and O, so nothing reads as 0/O or 1/I): 32⁹ = 2⁴⁵ ≈ 3.5 × 10¹³
 * codes. One address (an IPv6 /64, see clientAddress.ts) may look up `limits.joinLookups`: a burst of
 * 120 (60 people behind one office address, each trying twice) and then 2 a minute, so at most
 * 120 + 2 × 60 × 24 ≈ 3,000 lookups a day. With 10,000 addresses at an attacker's disposal that
 * is 3 × 10⁷ guesses in a code's 24 hours: 3 × 10⁷ / 3.5 × 10¹³ ≈ 10⁻⁶ that one given code is
 * found, and still ≈ 10⁻³ that any of a thousand codes live at once is. Codes come from
 * crypto.randomInt, so nothing about one code tells anything about another.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomInt } from 'node:crypto'
import { authorize } from '../auth/authorize'
import type { Role } from '../auth/tokens'
import { InputError, shareUrl } from '../maps'
import { MAP_ID } from '../mapIds'
import { JoinCodeTakenError } from '../storage/types'
import { KeyedTokenBuckets } from '../tokenBucket'
import type { ApiDeps } from './api'
import { clientAddress } from './clientAddress'
import { HttpError, readJsonObject, sendJson } from './respond'

/** No 0, O, 1 or I: what is read off a wall is typed right. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const JOIN_CODE_LENGTH = 9
/** A workshop: 12 hours unless the facilitator asks for less or more, never more than 24. */
const DEFAULT_LIFETIME_SECONDS = 12 * 3600
const MAX_LIFETIME_SECONDS = 24 * 3600
const MAX_BODY = 16 * 1024
const JOIN_ROLES: readonly Role[] = ['editor', 'viewer']

const API_ROUTE = new RegExp(`^/api/maps/(${MAP_ID.source.slice(1, -1)})/join-codes$`)
/** What a person may type: the code's characters, any case, with or without dashes. */
const LOOKUP_ROUTE = /^\/j\/([A-Za-z0-9-]{1,32})\/?$/

export interface JoinCodesDeps extends ApiDeps {
  originOf(req: IncomingMessage): string
}

/** A fresh random code, without dashes (`7KQ4ZPM3X`). */
export function newJoinCode(): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]
  return code
}

/** How a code is shown and put in addresses: groups of three (`7KQ-4ZP-M3X`). */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,3}/g)!.join('-')
}

/** What was typed, as stored: upper case, without dashes. */
export function normalizeJoinCode(typed: string): string {
  return typed.replace(/-/g, '').toUpperCase()
}

export function createJoinCodes(deps: JoinCodesDeps) {
  const createLimiter = new KeyedTokenBuckets(deps.config.limits.joinCodes)
  const lookupLimiter = new KeyedTokenBuckets(deps.config.limits.joinLookups)

  const limit = (limiter: KeyedTokenBuckets, req: IncomingMessage, reason: string) => {
    const limited = limiter.take(clientAddress(req, deps.config.trustProxy))
    if (limited.ok) return undefined
    deps.metrics.rejected.inc({ reason })
    return limited.retryAfterSeconds
  }

  /** `POST /api/maps/<id>/join-codes`; returns the route label, or null for another route. */
  async function api(req: IncomingMessage, res: ServerResponse, url: URL, token: string | null): Promise<string | null> {
    const match = API_ROUTE.exec(url.pathname)
    if (!match) return null
    const mapId = match[1]
    if (req.method !== 'POST') throw new HttpError(405, 'use POST', {}, { Allow: 'POST' })
    const auth = await authorize(deps.signer, deps.store, mapId, token, 'facilitator')
    if (!auth.ok) {
      deps.metrics.rejected.inc({ reason: auth.reason })
      throw new HttpError(auth.status, auth.message, { reason: auth.reason })
    }
    const retryAfter = limit(createLimiter, req, 'rate_join_codes')
    if (retryAfter !== undefined) throw new HttpError(429, 'too many join codes from this address; try again shortly', {}, { 'Retry-After': String(retryAfter) })
    const body = await readJsonObject(req, MAX_BODY)
    const role = body.role
    if (!JOIN_ROLES.includes(role as Role)) throw new InputError([{ path: 'role', message: 'expected "editor" or "viewer"' }])
    const lifetime = body.expiresInSeconds ?? DEFAULT_LIFETIME_SECONDS
    if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < 60 || lifetime > MAX_LIFETIME_SECONDS) {
      throw new InputError([{ path: 'expiresInSeconds', message: `expected a whole number of seconds from 60 to ${MAX_LIFETIME_SECONDS}` }])
    }
    const now = Date.now()
    await deps.store.deleteExpiredJoinCodes(new Date(now).toISOString())
    const expiresAt = new Date(now + lifetime * 1000).toISOString()
    // A clash is as likely as a guess; try again rather than fail the facilitator.
    for (let attempt = 0; ; attempt++) {
      const code = newJoinCode()
      try {
        await deps.store.createJoinCode({ code, mapId, role: role as Role, epoch: auth.meta.epochs[role as Role], createdAt: new Date(now).toISOString(), expiresAt })
      } catch (error) {
        if (error instanceof JoinCodeTakenError && attempt < 5) continue
        throw error
      }
      sendJson(res, 201, { code: formatJoinCode(code), url: `${deps.originOf(req)}/j/${formatJoinCode(code)}`, role, expiresAt })
      return 'join-code-create'
    }
  }

  /** `GET /j/<code>`: a redirect to the link, or a page that says why not. Returns the route label. */
  async function redirect(req: IncomingMessage, res: ServerResponse, url: URL): Promise<string> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPage(req, res, 405, 'method', { Allow: 'GET, HEAD' })
      return 'join-code'
    }
    const retryAfter = limit(lookupLimiter, req, 'rate_join_lookups')
    if (retryAfter !== undefined) {
      sendPage(req, res, 429, 'limited', { 'Retry-After': String(retryAfter) })
      return 'join-code'
    }
    const typed = LOOKUP_ROUTE.exec(url.pathname)?.[1]
    const joinCode = typed ? await deps.store.getJoinCode(normalizeJoinCode(typed)) : undefined
    if (!joinCode) {
      sendPage(req, res, 404, 'unknown')
      return 'join-code'
    }
    const meta = await deps.store.getMapMeta(joinCode.mapId)
    const expired = Date.parse(joinCode.expiresAt) <= Date.now()
    if (!meta || expired || meta.epochs[joinCode.role] !== joinCode.epoch) {
      deps.metrics.rejected.inc({ reason: expired ? 'join_code_expired' : 'join_code_revoked' })
      sendPage(req, res, 410, expired ? 'expired' : 'revoked')
      return 'join-code'
    }
    // The link lasts as long as the code: a code read off a wall opens the map for the workshop.
    const token = deps.signer.sign({ mapId: meta.id, role: joinCode.role, epoch: joinCode.epoch, issuedAt: Date.now(), expiresAt: Date.parse(joinCode.expiresAt) })
    res.writeHead(302, { Location: shareUrl(deps.originOf(req), meta.id, token), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
    res.end()
    return 'join-code'
  }

  return { api, redirect }
}

type Page = 'method' | 'limited' | 'unknown' | 'expired' | 'revoked'
type PageLocale = 'en' | 'da' | 'sv' | 'nb'

/**
 * The words of the pages a person sees when a code does not lead anywhere, in the app's four
 * languages (GLOSSARY.md's words). They live here, not in src/i18n: the server imports no
 * interface code, and these pages are served before any of the app loads.
 */
const PAGES: Record<PageLocale, Record<Page, [title: string, text: string]> & { home: string }> = {
  en: {
    method: ['Open this address in a browser', 'Join codes are opened in a browser.'],
    limited: ['Too many tries', 'Too many join codes were tried from this network. Wait a minute and try again, or ask the facilitator for the link.'],
    unknown: ['No such join code', 'Check the code on the screen and type it again, or ask the facilitator for the link.'],
    expired: ['This join code has expired', 'A join code lasts one workshop. Ask the facilitator for a new code or the link.'],
    revoked: ['This join code no longer works', 'The facilitator has revoked its links. Ask the facilitator for a new code or the link.'],
    home: 'Go to the start page',
  },
  da: {
    method: ['Åbn adressen i en browser', 'Deltagerkoder åbnes i en browser.'],
    limited: ['For mange forsøg', 'Der er prøvet for mange deltagerkoder fra dette netværk. Vent et minut og prøv igen, eller bed facilitatoren om linket.'],
    unknown: ['Deltagerkoden findes ikke', 'Tjek koden på skærmen og skriv den igen, eller bed facilitatoren om linket.'],
    expired: ['Deltagerkoden er udløbet', 'En deltagerkode gælder én workshop. Bed facilitatoren om en ny kode eller linket.'],
    revoked: ['Deltagerkoden virker ikke længere', 'Facilitatoren har trukket dens links tilbage. Bed facilitatoren om en ny kode eller linket.'],
    home: 'Gå til forsiden',
  },
  sv: {
    method: ['Öppna adressen i en webbläsare', 'Anslutningskoder öppnas i en webbläsare.'],
    limited: ['För många försök', 'För många anslutningskoder har provats från det här nätverket. Vänta en minut och försök igen, eller be facilitatorn om länken.'],
    unknown: ['Anslutningskoden finns inte', 'Kontrollera koden på skärmen och skriv den igen, eller be facilitatorn om länken.'],
    expired: ['Anslutningskoden har gått ut', 'En anslutningskod gäller en workshop. Be facilitatorn om en ny kod eller länken.'],
    revoked: ['Anslutningskoden fungerar inte längre', 'Facilitatorn har återkallat dess länkar. Be facilitatorn om en ny kod eller länken.'],
    home: 'Gå till startsidan',
  },
  nb: {
    method: ['Åpne adressen i en nettleser', 'Deltakerkoder åpnes i en nettleser.'],
    limited: ['For mange forsøk', 'For mange deltakerkoder er prøvd fra dette nettverket. Vent et minutt og prøv igjen, eller be fasilitatoren om lenken.'],
    unknown: ['Deltakerkoden finnes ikke', 'Sjekk koden på skjermen og skriv den inn igjen, eller be fasilitatoren om lenken.'],
    expired: ['Deltakerkoden er utløpt', 'En deltakerkode gjelder én workshop. Be fasilitatoren om en ny kode eller lenken.'],
    revoked: ['Deltakerkoden virker ikke lenger', 'Fasilitatoren har trukket tilbake lenkene. Be fasilitatoren om en ny kode eller lenken.'],
    home: 'Gå til startsiden',
  },
}

/** The first of the app's languages the browser asks for (`no` and `nn` read Bokmål), else English. */
export function pageLocale(acceptLanguage: string | undefined): PageLocale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().split('-')[0]
    if (tag === 'en' || tag === 'da' || tag === 'sv' || tag === 'nb') return tag
    if (tag === 'no' || tag === 'nn') return 'nb'
  }
  return 'en'
}

/** A plain page in the browser's language: a person who typed a code reads it, not a program. */
function sendPage(req: IncomingMessage, res: ServerResponse, status: number, page: Page, headers: Record<string, string> = {}): void {
  const locale = pageLocale(req.headers['accept-language'])
  const [title, text] = PAGES[locale][page]
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:34rem;margin:15vh auto;padding:0 1.5rem;color:#1d2433}h1{font-size:1.6rem}</style></head>
<body><main><h1>${title}</h1><p>${text}</p><p><a href="/">${PAGES[locale].home}</a></p></main></body></html>`
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Content-Language': locale,
    ...headers,
  })
  res.end(html)
}
