import { useMemo } from 'react'
import { formatScore, scorecard, type MetricScore, type MetricScores } from '../../insights/scorecard'
import { METRICS, type MetricName, type Snapshot } from '../../model'
import { formatNumber } from '../../i18n/format'
import type { MessageKey } from '../../i18n/translate'
import { useT } from '../../i18n/useT'

const METRIC_LABEL: Record<MetricName, MessageKey> = { nps: 'score.npsColumn', ces: 'score.cesColumn', csat: 'score.csatColumn' }

/** Average NPS, CES and CSAT per stage and for the journey, against the targets set on touchpoints. */
export function ScorecardTable({ snapshot }: { snapshot: Snapshot }) {
  const card = useMemo(() => scorecard(snapshot), [snapshot])
  const t = useT()
  const anything = METRICS.some((m) => card.overall[m].count > 0 || card.overall[m].target !== null)
  if (!anything) return <p className="view-empty">{t('score.empty')}</p>
  return (
    <div className="table-scroll">
      <table className="score-table">
        <caption className="visually-hidden">{t('score.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.stage')}</th>
            {METRICS.map((m) => (
              <th key={m} scope="col">
                {t(METRIC_LABEL[m])} <span className="muted small">{t('score.actualTarget')}</span>
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
          <ScoreRow label={t('score.wholeJourney')} scores={card.overall} />
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

/** A score the locale's way (decimal comma in Scandinavia); the dash for "none" as the insights module writes it. */
function localScore(value: number | null, locale: string): string {
  return value === null ? formatScore(null) : formatNumber(value, locale)
}

function ScoreCell({ score }: { score: MetricScore }) {
  const t = useT()
  const verdict = score.onTarget === null ? null : score.onTarget ? t('score.onTarget') : t('score.belowTarget')
  return (
    <td className={score.onTarget === null ? undefined : score.onTarget ? 'on-target' : 'below-target'}>
      <span className="score-actual">{localScore(score.actual, t.locale)}</span> / <span className="muted">{localScore(score.target, t.locale)}</span>
      {verdict && <span className="score-verdict">{score.onTarget ? '✓ ' : '✗ '}{verdict}</span>}
      {score.count > 0 && <span className="visually-hidden"> {t.plural('score.measured', score.count)}</span>}
    </td>
  )
}
