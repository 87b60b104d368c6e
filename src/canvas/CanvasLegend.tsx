/**
 * The legend: every badge and mark a card, a stage and the curve can carry, drawn as on the map
 * and explained in the interface's language, like the badges it explains (README "Languages":
 * the interface's own words follow the interface language; only the map's content and exports
 * follow the map's), behind one toggle at the bottom of the canvas.
 */
import { Panel } from '@xyflow/react'
import { memo, useState } from 'react'
import { useT } from '../i18n/useT'
import { EmotionFace } from './nodes/EmotionFace'

export const CanvasLegend = memo(function CanvasLegend() {
  const [open, setOpen] = useState(false)
  const t = useT()
  return (
    <Panel position="bottom-left" className="canvas-legend-panel" data-export-exclude="">
      <button type="button" className="legend-toggle" aria-expanded={open} aria-controls="canvas-legend" onClick={() => setOpen(!open)}>
        {t('legend.show')}
      </button>
      {open && (
        <section id="canvas-legend" className="canvas-legend" aria-label={t('legend.title')} lang={t.locale}>
          <h2>{t('legend.title')}</h2>
          <dl>
            <div>
              <dt className="legend-faces">
                {([-2, -1, 0, 1, 2] as const).map((e) => (
                  <EmotionFace key={e} emotion={e} size={18} />
                ))}
              </dt>
              <dd>{t('legend.emotion')}</dd>
            </div>
            <div>
              <dt>
                <EmotionFace emotion={null} size={18} />
              </dt>
              <dd>{t('legend.notScored')}</dd>
            </div>
            <div>
              <dt>
                <span className="badge need">{t('canvas.badge.functionalShort')} 2</span>
              </dt>
              <dd>{t('legend.functional')}</dd>
            </div>
            <div>
              <dt>
                <span className="badge need">{t('canvas.badge.emotionalShort')} 1</span>
              </dt>
              <dd>{t('legend.emotional')}</dd>
            </div>
            <div>
              <dt>
                <span className="badge need unmet">{t('canvas.badge.functionalShort')} {t('canvas.badge.unmet', { unmet: 1, count: 2 })}</span>
              </dt>
              <dd>{t('legend.unmet')}</dd>
            </div>
            {(
              [
                ['pain', '⚡', 'annotationKind.pain-point.other'],
                ['truth', '★', 'annotationKind.moment-of-truth.other'],
                ['opportunity', '◆', 'annotationKind.opportunity.other'],
                ['note', '✎', 'annotationKind.note.other'],
                ['comment', '💬', 'legend.comments'],
              ] as const
            ).map(([kind, sign, label]) => (
              <div key={kind}>
                <dt>
                  <span className={`badge ${kind}`}>{sign} 1</span>
                </dt>
                <dd>{t(label)}</dd>
              </div>
            ))}
            <div>
              <dt>
                <span className="badge evidence">✓1 ?1</span>
              </dt>
              <dd>{t('legend.evidence')}</dd>
            </div>
            <div>
              <dt>
                <span className="tp-priority">P1</span>
              </dt>
              <dd>{t('legend.priority')}</dd>
            </div>
            <div>
              <dt>
                <span className="legend-edge" />
              </dt>
              <dd>{t('legend.persona')}</dd>
            </div>
            <div>
              <dt>
                <span className="stage-count phase-during">3</span>
              </dt>
              <dd>{t('legend.stageCount')}</dd>
            </div>
            <div>
              <dt>
                <span className="tp-vote-dots is-total">●●●</span>
              </dt>
              <dd>{t('legend.votes')}</dd>
            </div>
            <div>
              <dt>
                <svg width="44" height="18" aria-hidden="true">
                  <path d="M2 12 L16 6 L30 14 L42 4" fill="none" stroke="#4f7cff" strokeWidth="2.5" strokeLinejoin="round" />
                </svg>
              </dt>
              <dd>{t('legend.curve')}</dd>
            </div>
          </dl>
        </section>
      )}
    </Panel>
  )
})
