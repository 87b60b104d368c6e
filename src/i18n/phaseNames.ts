import type { Phase } from '../model'

/**
 * Phase headings in the map's own language (the seeds' vocabulary: før/innan, under, efter/etter).
 * They are map content, like stage titles, so they follow `meta.locale`, not the reader's UI language.
 */
export const PHASE_NAMES: Record<string, Record<Phase, string>> = {
  en: { before: 'Before', during: 'During', after: 'After' },
  da: { before: 'Før', during: 'Under', after: 'Efter' },
  sv: { before: 'Innan', during: 'Under', after: 'Efter' },
  nb: { before: 'Før', during: 'Under', after: 'Etter' },
}

export function phaseName(phase: Phase, locale: string): string {
  return (PHASE_NAMES[locale.slice(0, 2)] ?? PHASE_NAMES.en)[phase]
}
