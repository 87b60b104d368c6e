import { useMemo } from 'react'
import { HIGH_FROM, priorityMatrix, QUADRANTS, type MatrixPoint, type Quadrant } from '../../insights/priorityMatrix'
import { selectReadOnly, useJourneyStore } from '../../store'
import type { Snapshot } from '../../model'
import { ImpactEffortSelects } from '../AssessmentFields'
import type { Translator } from '../../i18n/translate'
import { useT } from '../../i18n/useT'

const quadrantLabel = (t: Translator, q: Quadrant) => ({ title: t(`matrix.${q}`), advice: t(`matrix.${q}.advice`) })

/**
 * Opportunities on impact × effort. Dots carry a number, and the list beside the plot names each
 * number: labels on the plot itself would overlap as soon as two ideas score alike.
 */
export function PriorityMatrixChart({ snapshot }: { snapshot: Snapshot }) {
  const readOnly = useJourneyStore(selectReadOnly)
  const { points, unscored } = useMemo(() => priorityMatrix(snapshot), [snapshot])
  const numbered = points.map((p, i) => ({ ...p, n: i + 1 }))
  const t = useT()
  const labels = Object.fromEntries(QUADRANTS.map((q) => [q, quadrantLabel(t, q)])) as Record<Quadrant, { title: string; advice: string }>
  return (
    <div className="matrix-layout">
      <div className="matrix" aria-hidden="true" style={{ '--low-x': `${HIGH_FROM * 100}%`, '--high-y': `${(1 - HIGH_FROM) * 100}%` } as React.CSSProperties}>
        <span className="axis-y">{t('matrix.impactAxis')}</span>
        {/* Quadrant names sit outside the plot so no dot can cover them. */}
        <div className="matrix-names">
          <span>{labels['quick-wins'].title}</span>
          <span>{labels['big-bets'].title}</span>
        </div>
        <div className="matrix-plot">
          {(['quick-wins', 'big-bets', 'fill-ins', 'money-pits'] as const).map((q) => (
            <div key={q} className={`quadrant q-${q}`} />
          ))}
          {numbered.map((p) => (
            <span key={p.annotation.id} className={`matrix-dot q-${p.quadrant}`} style={dotPosition(p)} title={`${p.n}. ${p.annotation.text}`}>
              {p.n}
            </span>
          ))}
        </div>
        <div className="matrix-names">
          <span>{labels['fill-ins'].title}</span>
          <span>{labels['money-pits'].title}</span>
        </div>
        <span className="axis-x">{t('matrix.effortAxis')}</span>
      </div>
      <div className="matrix-list">
        {QUADRANTS.map((q) => {
          const inQuadrant = numbered.filter((p) => p.quadrant === q)
          return (
            <section key={q} aria-label={labels[q].title}>
              <h4>
                {labels[q].title} <span className="muted small">{labels[q].advice}</span>
              </h4>
              {inQuadrant.length === 0 ? (
                <p className="view-empty small">{t('matrix.none')}</p>
              ) : (
                <ol>
                  {inQuadrant.map((p) => (
                    <li key={p.annotation.id} value={p.n}>
                      {p.annotation.text} <span className="muted small">· {p.where} · {t('matrix.scores', { impact: p.annotation.impact!, effort: p.annotation.effort! })}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          )
        })}
        {unscored.length > 0 && (
          <section aria-label={t('matrix.unscored')}>
            <h4>{t('matrix.unscored')}</h4>
            <ul className="unscored">
              {unscored.map((a) => (
                <li key={a.id}>
                  <span>{a.text}</span>
                  <span className="unscored-fields">
                    <ImpactEffortSelects annotation={a} disabled={readOnly} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  )
}

/** Percent position in the plot; dots sharing a score fan out in a small circle around it (within its fifth). */
function dotPosition(p: MatrixPoint): React.CSSProperties {
  const spread = p.stackSize > 1 ? 5 : 0
  const angle = (2 * Math.PI * p.stackIndex) / Math.max(p.stackSize, 1)
  return { left: `${p.x * 100 + spread * Math.cos(angle)}%`, top: `${(1 - p.y) * 100 + spread * Math.sin(angle)}%` }
}
