/**
 * A short fingerprint of every message in every catalog, checked in beside the catalogs
 * (catalogs/fingerprints.json). When an English message changes, its fingerprint no longer
 * matches, and the catalog test names each language whose message did not change with it: a key
 * reworded in English and forgotten in Danish, Swedish or Norwegian fails by name. After updating
 * the other three, `npm run i18n:fingerprints` writes the file again.
 */
import type { Catalog } from './translate'

export const FINGERPRINT_LANGUAGES = ['en', 'da', 'sv', 'nb'] as const
export type Fingerprints = Record<string, Record<(typeof FINGERPRINT_LANGUAGES)[number], string>>

/** FNV-1a (32 bits) over the message's UTF-16 code units, as 8 hex digits: enough to notice an edit. */
export function fingerprint(message: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < message.length; i++) {
    h ^= message.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export function fingerprintsOf(catalogs: Record<(typeof FINGERPRINT_LANGUAGES)[number], Catalog>): Fingerprints {
  const out: Fingerprints = {}
  for (const key of Object.keys(catalogs.en).sort()) {
    out[key] = Object.fromEntries(FINGERPRINT_LANGUAGES.map((lang) => [lang, fingerprint(catalogs[lang][key as keyof Catalog])])) as Fingerprints[string]
  }
  return out
}

/**
 * What the checked-in fingerprints say is out of step: a key whose English changed while a
 * translation stayed as it was, and keys added or removed without the file written again.
 */
export function staleTranslations(recorded: Fingerprints, catalogs: Record<(typeof FINGERPRINT_LANGUAGES)[number], Catalog>): string[] {
  const problems: string[] = []
  const now = fingerprintsOf(catalogs)
  for (const [key, f] of Object.entries(now)) {
    const was = recorded[key]
    if (!was) {
      problems.push(`${key}: new key; run npm run i18n:fingerprints once it reads right in all four languages`)
      continue
    }
    if (f.en === was.en) continue
    const unchanged = FINGERPRINT_LANGUAGES.filter((lang) => lang !== 'en' && f[lang] === was[lang])
    problems.push(
      unchanged.length > 0
        ? `${key}: changed in English but not in ${unchanged.join(', ')}`
        : `${key}: changed in all four languages; run npm run i18n:fingerprints`,
    )
  }
  for (const key of Object.keys(recorded)) if (!now[key]) problems.push(`${key}: removed; run npm run i18n:fingerprints`)
  return problems
}
