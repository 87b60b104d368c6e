import type { AnnotationKind, Phase } from '../model'

/** Phase headings in the map's own language (the seeds' vocabulary: før/innan, under, efter/etter). */
export const PHASE_NAMES: Record<string, Record<Phase, string>> = {
  en: { before: 'Before', during: 'During', after: 'After' },
  da: { before: 'Før', during: 'Under', after: 'Efter' },
  sv: { before: 'Innan', during: 'Under', after: 'Efter' },
  nb: { before: 'Før', during: 'Under', after: 'Etter' },
}

export function phaseName(phase: Phase, locale: string): string {
  return (PHASE_NAMES[locale.slice(0, 2)] ?? PHASE_NAMES.en)[phase]
}

export const ANNOTATION_LABELS: Record<AnnotationKind, { one: string; many: string }> = {
  'functional-need': { one: 'Functional need', many: 'Functional needs' },
  'emotional-need': { one: 'Emotional need', many: 'Emotional needs' },
  'pain-point': { one: 'Pain point', many: 'Pain points' },
  'moment-of-truth': { one: 'Moment of truth', many: 'Moments of truth' },
  opportunity: { one: 'Opportunity', many: 'Opportunities' },
  note: { one: 'Note', many: 'Notes' },
}

export const EMOTION_LABELS: Record<string, string> = {
  '-2': 'Very negative',
  '-1': 'Negative',
  '0': 'Neutral',
  '1': 'Positive',
  '2': 'Very positive',
}
