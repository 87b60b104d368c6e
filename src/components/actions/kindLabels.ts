import type { AnnotationKind } from '../../model'

/** Short names of annotation kinds for chips on action cards and lists. */
export const KIND_SHORT: Record<AnnotationKind, string> = {
  'pain-point': 'Pain point',
  'functional-need': 'Functional need',
  'emotional-need': 'Emotional need',
  'moment-of-truth': 'Moment of truth',
  opportunity: 'Opportunity',
  note: 'Note',
}
