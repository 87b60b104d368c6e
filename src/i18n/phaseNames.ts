import type { Phase } from '../model'
import { translate } from './translate'

/**
 * Phase headings in the map's own language (the seeds' vocabulary: før/innan, under, efter/etter),
 * from the catalogs' `phase.*` keys, the words the PDF and CSV print too. They are map content, like
 * stage titles, so they follow `meta.locale`, not the reader's UI language; the map page loads the
 * map's catalog (useMapCatalog) so they never read English for a Danish map.
 */
export function phaseName(phase: Phase, locale: string): string {
  return translate(locale, `phase.${phase}`)
}
