import { useMemo } from 'react'
import { formatScore, scorecard, type MetricScore, type MetricScores } from '../../insights/scorecard'
import { METRICS, type MetricName, type Snapshot } from '../../model'

const METRIC_LABEL: Record<MetricName, string> = { nps: 'NPS', ces: 'CES', csat: 'CSAT %' }

/** Average NPS, CES and CSAT per stage and for the journey, against the targets set on touchpoints. */
export function ScorecardTable({ snapshot }: { snapshot: Snapshot }) {
  const card = useMemo(() => scorecard(snapshot), [snapshot])
  const anything = METRICS.some((m) => card.overall[m].count > 0 || card.overall[m].target !== null)
  if (!anything) return <p className="view-empty">No touchpoint has metrics yet. Select a touchpoint on the canvas and fill in its Metrics section.</p>
  return (
    <div className="table-scroll">
      <table className="score-table">
        <caption className="visually-hidden">Journey scorecard: averages against targets</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            {METRICS.map((m) => (
              <th key={m} scope="col">
                {METRIC_LABEL[m]} <span className="muted small">actual / target</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {card.stages.map((s) => (
            <ScoreRow key={s.id} label={s.title} scores={s.scores} />
          ))}
        </tbody>
        <tfoot>
          <ScoreRow label="Whole journey" scores={card.overall} />
        </tfoot>
      </table>
    </div>
  )
}

function ScoreRow({ label, scores }: { label: string; scores: MetricScores }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {METRICS.map((m) => (
        <ScoreCell key={m} score={scores[m]} />
      ))}
    </tr>
  )
}

function ScoreCell({ score }: { score: MetricScore }) {
  const verdict = score.onTarget === null ? null : score.onTarget ? 'on target' : 'below target'
  return (
    <td className={score.onTarget === null ? undefined : score.onTarget ? 'on-target' : 'below-target'}>
      <span className="score-actual">{formatScore(score.actual)}</span> / <span className="muted">{formatScore(score.target)}</span>
      {verdict && <span className="score-verdict">{score.onTarget ? '✓ ' : '✗ '}{verdict}</span>}
      {score.count > 0 && <span className="visually-hidden"> ({score.count} touchpoints measured)</span>}
    </td>
  )
}
