import { SCHEMA_VERSION } from './migrations'
import { MAP_VARIANTS, type MapVariant, type Meta } from './records'
import { MAX_TEXT, MAX_TITLE, type ValidationError } from './validate'

export const LOCALES = ['en', 'da', 'sv', 'nb'] as const

export function defaultMeta(overrides: Partial<Meta> = {}): Meta {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: 'Untitled journey',
    description: '',
    locale: 'en',
    createdAt: new Date().toISOString(),
    variant: 'as-is',
    asIsMapId: '',
    toBeMapId: '',
    ...overrides,
  }
}

/** Restore the flat meta map; unknown keys are left out, bad ones reported and defaulted. */
export function restoreMeta(raw: unknown, path = 'meta'): { meta: Meta; errors: ValidationError[] } {
  const errors: ValidationError[] = []
  const meta = defaultMeta({ createdAt: new Date(0).toISOString() })
  if (raw === undefined) return { meta, errors }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { meta, errors: [{ path, message: 'expected an object' }] }
  }
  const input = raw as Record<string, unknown>
  const str = (key: 'title' | 'description' | 'locale' | 'createdAt', max: number) => {
    const v = input[key]
    if (v === undefined) return
    if (typeof v !== 'string') errors.push({ path: `${path}.${key}`, message: `expected text, got ${JSON.stringify(v)}` })
    else if (v.length > max) errors.push({ path: `${path}.${key}`, message: `expected at most ${max} characters, got ${v.length}` })
    else meta[key] = v
  }
  str('title', MAX_TITLE)
  str('description', MAX_TEXT)
  str('locale', 35)
  str('createdAt', 40)
  if (input.variant !== undefined) {
    if ((MAP_VARIANTS as readonly unknown[]).includes(input.variant)) meta.variant = input.variant as MapVariant
    else errors.push({ path: `${path}.variant`, message: `expected ${MAP_VARIANTS.join(' | ')}, got ${JSON.stringify(input.variant)}` })
  }
  for (const key of ['asIsMapId', 'toBeMapId'] as const) {
    const v = input[key]
    if (v === undefined) continue
    // A relay map id is short and URL-safe; anything else cannot be one.
    if (typeof v === 'string' && /^[A-Za-z0-9_-]{0,100}$/.test(v)) meta[key] = v
    else errors.push({ path: `${path}.${key}`, message: `expected a map id or '', got ${JSON.stringify(v)}` })
  }
  if (input.createdAt !== undefined && Number.isNaN(Date.parse(meta.createdAt))) {
    errors.push({ path: `${path}.createdAt`, message: `expected an ISO 8601 date, got ${JSON.stringify(input.createdAt)}` })
  }
  return { meta, errors }
}
