/**
 * The row under an annotation in the inspector: how it is known (evidence), impact and effort for
 * an opportunity, and for pain points and needs the way into the action plan.
 */
import { useMemo } from 'react'
import { addAction } from '../commands'
import type { Annotation } from '../model'
import { useT } from '../i18n/useT'
import { useJourneyStore } from '../store'
import { EvidenceSelect, ImpactEffortSelects } from './AssessmentFields'
import { useMapSession } from '../session/MapSessionContext'
import { AnnotationQuotes } from './feedback/AnnotationQuotes'

const ACTIONABLE = new Set(['pain-point', 'functional-need', 'emotional-need'])

export function AnnotationExtras({ annotation, readOnly }: { annotation: Annotation; readOnly: boolean }) {
  const { doc } = useMapSession()
  const t = useT()
  const actions = useJourneyStore((s) => s.snapshot.actions)
  const addressedBy = useMemo(() => Object.values(actions).filter((a) => a.addresses.includes(annotation.id)).length, [actions, annotation.id])
  return (
    <div className="annotation-extras">
      <EvidenceSelect annotation={annotation} disabled={readOnly} />
      {annotation.kind === 'opportunity' && <ImpactEffortSelects annotation={annotation} disabled={readOnly} />}
      {ACTIONABLE.has(annotation.kind) && (
        <>
          {addressedBy > 0 && (
            <span className="in-plan" title={t('annotation.inPlanHint')}>
              ✓ {addressedBy === 1 ? t('annotation.inPlan') : t('annotation.inActions', { count: addressedBy })}
            </span>
          )}
          {!readOnly && (
            <button type="button" className="small-button" aria-label={t('annotation.createActionFrom', { text: annotation.text })} onClick={() => addAction(doc, { fromAnnotation: annotation.id })}>
              {t('annotation.createAction')}
            </button>
          )}
        </>
      )}
      <AnnotationQuotes annotationId={annotation.id} readOnly={readOnly} />
    </div>
  )
}
