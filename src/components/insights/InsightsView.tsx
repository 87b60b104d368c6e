/**
 * Insights: the same document seen as charts and tables beside the canvas. Everything here is
 * derived (src/insights) from the snapshot the canvas draws, so it updates live with every edit.
 */
import { lazy, Suspense, useId, useMemo, type MouseEvent, type ReactNode } from 'react'
import { scrollWithin } from '../scrollWithin'
import { personaCurves } from '../../insights/emotionCurves'
import { selectSnapshot, useJourneyStore } from '../../store'
import { AsIsToBe } from './AsIsToBe'
import { EmotionChart } from './EmotionChart'
import { HeatMapTable } from './HeatMapTable'
import { NeedsGapTable } from './NeedsGapTable'
import { PriorityMatrixChart } from './PriorityMatrixChart'
import { ScorecardTable } from './ScorecardTable'
import { useT } from '../../i18n/useT'
import { measuredSnapshot } from '../../store/measuredFeedback'
import './insights.css'

// Loaded when Insights opens: the sheet parser and the stop-word lists stay out of the first load.
const FeedbackInsights = lazy(() => import('../feedback/FeedbackInsights'))

export function InsightsView() {
  const snapshot = useJourneyStore(selectSnapshot)
  // The scorecard reads measured figures where a data set has them.
  const measured = useJourneyStore(measuredSnapshot)
  const chart = useMemo(() => personaCurves(snapshot), [snapshot])
  const t = useT()
  // Section jumps scroll this page only (never the whole page, never the address: it holds no anchors).
  const jump = (id: string) => (e: MouseEvent<HTMLElement>) => {
    const page = e.currentTarget.closest<HTMLElement>('.view-page')
    const section = page?.querySelector<HTMLElement>(`#${id}`)
    if (!page || !section) return
    scrollWithin(page, section)
    const heading = section.querySelector<HTMLElement>('h3')
    if (heading) {
      heading.tabIndex = -1
      heading.focus({ preventScroll: true })
    }
  }
  return (
    <div className="view-page insights-view">
      <h2>{t('insights.heading')}</h2>
      <p className="intro">{t('insights.intro')}</p>
      <nav className="view-nav" aria-label={t('insights.sections')}>
        <button type="button" className="link-button" onClick={jump('insight-curves')}>{t('insights.curves')}</button>
        <button type="button" className="link-button" onClick={jump('insight-compare')}>{t('insights.compare')}</button>
        <button type="button" className="link-button" onClick={jump('insight-heat')}>{t('insights.heat')}</button>
        <button type="button" className="link-button" onClick={jump('insight-gaps')}>{t('insights.gaps')}</button>
        <button type="button" className="link-button" onClick={jump('insight-matrix')}>{t('insights.matrix')}</button>
        <button type="button" className="link-button" onClick={jump('insight-scorecard')}>{t('insights.scorecard')}</button>
        <button type="button" className="link-button" onClick={jump('insight-feedback')}>{t('feedback.heading')}</button>
      </nav>
      <InsightSection id="insight-curves" title={t('insights.curves')} hint={t('insights.curvesHint')}>
        {chart.curves.some((c) => c.points.length) ? (
          <EmotionChart
            columns={chart.columns}
            series={chart.curves.map((c) => ({ key: c.personaId, label: c.name, color: c.color, points: c.points }))}
            locale={snapshot.meta.locale}
            label={t('insights.curvesLabel')}
          />
        ) : (
          <p className="view-empty">{t('insights.noScores')}</p>
        )}
      </InsightSection>
      <InsightSection id="insight-compare" title={t('insights.compare')} hint={t('insights.compareHint')}>
        <AsIsToBe snapshot={snapshot} />
      </InsightSection>
      <InsightSection id="insight-heat" title={t('insights.heat')} hint={t('insights.heatHint')}>
        <HeatMapTable snapshot={snapshot} />
      </InsightSection>
      <InsightSection id="insight-gaps" title={t('insights.gaps')} hint={t('insights.gapsHint')}>
        <NeedsGapTable snapshot={snapshot} />
      </InsightSection>
      <InsightSection id="insight-matrix" title={t('insights.matrix')} hint={t('insights.matrixHint')}>
        <PriorityMatrixChart snapshot={snapshot} />
      </InsightSection>
      <InsightSection id="insight-scorecard" title={t('insights.scorecard')} hint={t('insights.scorecardHint')}>
        <ScorecardTable snapshot={measured} />
      </InsightSection>
      <InsightSection id="insight-feedback" title={t('feedback.heading')} hint={t('feedback.hint')}>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <FeedbackInsights />
        </Suspense>
      </InsightSection>
    </div>
  )
}

function InsightSection({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  const headingId = useId()
  return (
    <section id={id} className="view-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="hint">{hint}</p>
      {children}
    </section>
  )
}
