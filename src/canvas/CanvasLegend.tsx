/**
 * The legend: every badge and mark a card, a stage and the curve can carry, drawn as on the map
 * and explained in the map's language (the language its content is written in, which the room
 * reads), behind one toggle beside the zoom controls.
 */
import { Panel } from '@xyflow/react'
import { memo, useEffect, useState } from 'react'
import { catalogLocale, loadCatalog, translatorFor } from '../i18n/translate'
import { useT } from '../i18n/useT'
import { selectMeta, useJourneyStore } from '../store'
import { EmotionFace } from './nodes/EmotionFace'

export const CanvasLegend = memo(function CanvasLegend() {
  const [open, setOpen] = useState(false)
  const ui = useT()
  const mapLocale = catalogLocale(useJourneyStore(selectMeta).locale)
  const [loaded, setLoaded] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    void loadCatalog(mapLocale).then(() => live && setLoaded(mapLocale))
    return () => {
      live = false
    }
  }, [mapLocale])
  // Until the map's catalog has loaded, the participant's own language.
  const t = loaded === mapLocale ? translatorFor(mapLocale) : ui
  return (
    <Panel position="bottom-left" className="canvas-legend-panel" data-export-exclude="">
      <button type="button" className="legend-toggle" aria-expanded={open} aria-controls="canvas-legend" onClick={() => setOpen(!open)}>
        {t('legend.show')}
      </button>
      {open && (
        <section id="canvas-legend" className="canvas-legend" aria-label={t('legend.title')} lang={mapLocale}>
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
