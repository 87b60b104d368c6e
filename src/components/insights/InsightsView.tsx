/**
 * Insights: the same document seen as charts and tables beside the canvas. Everything here is
 * derived (src/insights) from the snapshot the canvas draws, so it updates live with every edit.
 */
import { useId, useMemo, type ReactNode } from 'react'
import { personaCurves } from '../../insights/emotionCurves'
import { selectSnapshot, useJourneyStore } from '../../store'
import { AsIsToBe } from './AsIsToBe'
import { EmotionChart } from './EmotionChart'
import { HeatMapTable } from './HeatMapTable'
import { NeedsGapTable } from './NeedsGapTable'
import { PriorityMatrixChart } from './PriorityMatrixChart'
import { ScorecardTable } from './ScorecardTable'
import './insights.css'

export function InsightsView() {
  const snapshot = useJourneyStore(selectSnapshot)
  const chart = useMemo(() => personaCurves(snapshot), [snapshot])
  return (
    <div className="view-page insights-view">
      <h2>Insights</h2>
      <p className="intro">What the map says, read from it as you edit: how each persona feels, where it hurts, which needs are not met, which opportunities to take first, and how the journey scores against its targets.</p>
      <nav className="view-nav" aria-label="Insights sections">
        <a href="#insight-curves">Emotion curves</a>
        <a href="#insight-compare">As-is and to-be</a>
        <a href="#insight-heat">Pain points and moments of truth</a>
        <a href="#insight-gaps">Needs gap</a>
        <a href="#insight-matrix">Priority matrix</a>
        <a href="#insight-scorecard">Scorecard</a>
      </nav>
      <InsightSection id="insight-curves" title="Emotion curves" hint="Each persona's mean emotion per stage (−2 very negative … +2 very positive). Stages without a score are bridged.">
        {chart.curves.some((c) => c.points.length) ? (
          <EmotionChart
            columns={chart.columns}
            series={chart.curves.map((c) => ({ key: c.personaId, label: c.name, color: c.color, points: c.points }))}
            locale={snapshot.meta.locale}
            label="Emotion curves of every persona"
          />
        ) : (
          <p className="view-empty">No touchpoint has an emotion score yet.</p>
        )}
      </InsightSection>
      <InsightSection id="insight-compare" title="As-is and to-be" hint="Duplicate the map as its to-be, redesign the journey there, and compare the emotion curves here.">
        <AsIsToBe snapshot={snapshot} />
      </InsightSection>
      <InsightSection id="insight-heat" title="Pain points and moments of truth" hint="Counted on the touchpoints of each stage and persona.">
        <HeatMapTable snapshot={snapshot} />
      </InsightSection>
      <InsightSection id="insight-gaps" title="Needs gap" hint="Where a functional or emotional need is not met, or only partly: an insurer sells both a coverage and a feeling of safety.">
        <NeedsGapTable snapshot={snapshot} />
      </InsightSection>
      <InsightSection id="insight-matrix" title="Priority matrix" hint="Opportunities by impact and effort (1–5 each; 3 and up counts as high). Score them here or in the inspector.">
        <PriorityMatrixChart snapshot={snapshot} />
      </InsightSection>
      <InsightSection id="insight-scorecard" title="Scorecard" hint="Averages of the touchpoints' NPS (−100..100), CES (1..7, higher = easier) and CSAT (% satisfied) against the average of their targets.">
        <ScorecardTable snapshot={snapshot} />
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
