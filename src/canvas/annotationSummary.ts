import type { Annotation, Snapshot } from '../model'

/** What a card shows of its annotations: counts per kind, with unmet needs called out. */
export interface AnnotationSummary {
  functional: number
  functionalUnmet: number
  emotional: number
  emotionalUnmet: number
  pain: number
  truth: number
  opportunity: number
  note: number
  comments: number
  /** Annotations backed by something seen or measured, and those the team only assumes. */
  evidenced: number
  assumed: number
}

const EMPTY: AnnotationSummary = Object.freeze({ functional: 0, functionalUnmet: 0, emotional: 0, emotionalUnmet: 0, pain: 0, truth: 0, opportunity: 0, note: 0, comments: 0, evidenced: 0, assumed: 0 })

export function annotationsByTarget(snapshot: Snapshot): Map<string, Annotation[]> {
  const out = new Map<string, Annotation[]>()
  for (const a of Object.values(snapshot.annotations)) {
    const list = out.get(a.targetId)
    if (list) list.push(a)
    else out.set(a.targetId, [a])
  }
  return out
}

export function summarize(annotations: readonly Annotation[] | undefined, openComments: number): AnnotationSummary {
  if (!annotations?.length && !openComments) return EMPTY
  const s = { ...EMPTY, comments: openComments }
  for (const a of annotations ?? []) {
    const unmet = a.status === 'unmet' || a.status === 'partly'
    if (a.evidence === 'observed' || a.evidence === 'measured') s.evidenced++
    else if (a.evidence === 'assumed') s.assumed++
    switch (a.kind) {
      case 'functional-need':
        s.functional++
        if (unmet) s.functionalUnmet++
        break
      case 'emotional-need':
        s.emotional++
        if (unmet) s.emotionalUnmet++
        break
      case 'pain-point':
        s.pain++
        break
      case 'moment-of-truth':
        s.truth++
        break
      case 'opportunity':
        s.opportunity++
        break
      case 'note':
        s.note++
        break
    }
  }
  return s
}

export function sameSummary(a: AnnotationSummary, b: AnnotationSummary): boolean {
  for (const k of Object.keys(a) as (keyof AnnotationSummary)[]) if (a[k] !== b[k]) return false
  return true
}
