/**
 * The team's emotion curve (the cards' emotion scores) against the customers' (their scores on
 * the same −2..+2 scale) for each persona, a stage × persona heat of the measured values, and
 * the stages where the two disagree most: first where the team thinks customers are fine and
 * they are not.
 */
import { useMemo } from 'react'
import { assumedVersusMeasured, disagreements, type Placement } from '../../feedback/measured'
import { selectSnapshot, useJourneyStore } from '../../store'
import { formatNumber, formatSignedNumber } from '../../i18n/format'
import { useT } from '../../i18n/useT'
import { EmotionChart } from '../insights/EmotionChart'

export function AssumedVsMeasured({ placement }: { placement: Placement }) {
  const t = useT()
  const snapshot = useJourneyStore(selectSnapshot)
  const chart = useMemo(() => assumedVersusMeasured(snapshot, placement), [snapshot, placement])
  const gaps = useMemo(() => disagreements(snapshot, placement), [snapshot, placement])
  const withData = chart.personas.filter((p) => p.measured.length > 0 || p.assumed.length > 0)
  return (
    <>
      <div className="curve-pairs">
        {withData.map((p) => (
          <div key={p.personaId} className="curve-pair" data-testid="curve-pair">
            <h5>{p.name}</h5>
            <EmotionChart
              columns={chart.columns}
              series={[
                { key: 'assumed', label: t('feedback.assumedCurve'), color: p.color, points: p.assumed },
                { key: 'measured', label: t('feedback.measuredCurve'), color: '#1b1f2a', dashed: true, points: p.measured },
              ]}
              locale={snapshot.meta.locale}
              label={t('feedback.curvesLabel', { persona: p.name })}
            />
          </div>
        ))}
      </div>
      <p className="small muted" data-testid="measured-mapping">
        {t('feedback.measuredMapping')}
      </p>
      <h5>{t('feedback.heat')}</h5>
      <div className="table-scroll">
        <table className="heat-table measured-heat">
          <thead>
            <tr>
              <td />
              {chart.columns.map((c) => (
                <th key={c.stageId} scope="col">
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.personas.map((p) => (
              <tr key={p.personaId}>
                <th scope="row" style={{ borderLeftColor: p.color }}>
                  {p.name}
                </th>
                {chart.columns.map((c) => {
                  const m = p.measured.find((x) => x.stageId === c.stageId)
                  return (
                    <td key={c.stageId} style={m ? { background: heatColour(m.emotion) } : undefined}>
                      {m ? (
                        <>
                          <strong>{formatSignedNumber(m.emotion, t.locale)}</strong> <span className="small">n = {formatNumber(m.count, t.locale)}</span>
                        </>
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h5>{t('feedback.disagreements')}</h5>
      {gaps.length === 0 ? (
        <p className="view-empty">{t('feedback.noDisagreements')}</p>
      ) : (
        <ol className="disagreements" data-testid="disagreements">
          {gaps.map((g) => (
            <li key={`${g.personaId}|${g.stageId}`} className={g.gap > 0 ? 'team-too-rosy' : 'team-too-gloomy'}>
              <strong>{g.stageTitle}</strong> · {g.personaName}:{' '}
              {t(g.gap > 0 ? 'feedback.tooRosy' : 'feedback.tooGloomy', {
                assumed: formatSignedNumber(g.assumed, t.locale),
                measured: formatSignedNumber(g.measured, t.locale),
                n: formatNumber(g.n, t.locale),
              })}
            </li>
          ))}
        </ol>
      )}
    </>
  )
}

/** Red below zero, green above, transparent at zero: the colour of the value on −2..+2. */
function heatColour(v: number): string {
  const a = Math.min(1, Math.abs(v) / 2) * 0.45
  return v < 0 ? `rgba(232, 102, 61, ${a})` : `rgba(47, 166, 122, ${a})`
}
