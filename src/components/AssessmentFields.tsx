/**
 * Small selects that weigh an annotation: how the team knows it (evidence), and for opportunities
 * how much it would help (impact) and cost (effort). Used in the inspector's annotation list and
 * on the priority matrix, so a score set in either place is the same field.
 */
import { assessAnnotation, setEvidence } from '../commands'
import { EVIDENCE_LEVELS, SCALE_MAX, SCALE_MIN, type Annotation, type Evidence } from '../model'
import { useT } from '../i18n/useT'
import { useMapSession } from '../session/MapSessionContext'
import './AssessmentFields.css'

const SCALE = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i)

export function EvidenceSelect({ annotation, disabled }: { annotation: Annotation; disabled: boolean }) {
  const { doc } = useMapSession()
  const t = useT()
  return (
    <label className="mini-select">
      <span className="visually-hidden">{t('assessment.evidenceFor', { text: annotation.text })}</span>
      <select value={annotation.evidence ?? ''} disabled={disabled} onChange={(e) => setEvidence(doc, annotation.id, (e.target.value || null) as Evidence | null)}>
        <option value="">{t('assessment.evidencePrompt')}</option>
        {EVIDENCE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`evidence.${level}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

export function ImpactEffortSelects({ annotation, disabled }: { annotation: Annotation; disabled: boolean }) {
  const { doc } = useMapSession()
  const t = useT()
  const select = (field: 'impact' | 'effort', label: string) => (
    <label className="mini-select">
      <span className="visually-hidden">{t('assessment.fieldOf', { field: label, text: annotation.text })}</span>
      <select value={annotation[field] ?? ''} disabled={disabled} onChange={(e) => assessAnnotation(doc, annotation.id, { [field]: e.target.value ? Number(e.target.value) : null })}>
        <option value="">{t('assessment.prompt', { field: label })}</option>
        {SCALE.map((n) => (
          <option key={n} value={n}>
            {t(n === SCALE_MIN ? 'assessment.optionLow' : n === SCALE_MAX ? 'assessment.optionHigh' : 'assessment.option', { field: label, n })}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <>
      {select('impact', t('assessment.impact'))}
      {select('effort', t('assessment.effort'))}
    </>
  )
}
