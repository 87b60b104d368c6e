/**
 * As-is against to-be. A map is duplicated as its to-be on the server (a new map that starts as a
 * copy, so stages and personas keep their ids and line up), and each side names the other in its
 * meta. The comparison reads the other side's JSON through the relay's export with the link this
 * browser remembers for it; without one, it says how to get it, and a JSON file works too.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { setMapVariant } from '../../commands'
import { compareCurves } from '../../insights/emotionCurves'
import { formatError, parseJourneyJson, type Snapshot } from '../../model'
import { selectReadOnly, useJourneyStore } from '../../store'
import { getRecentMap, importMapOnServer, mapAsJson, rememberMap } from '../../session'
import { fetchExportedMap } from '../../session/lazyServer'
import { useMapSession } from '../../session/MapSessionContext'
import { EmotionChart, type ChartSeries } from './EmotionChart'
import { richMessage } from '../../i18n/richMessage'
import { useT } from '../../i18n/useT'
import { errorText } from '../../i18n/errorText'

type Other = { status: 'none' } | { status: 'loading' } | { status: 'loaded'; snapshot: Snapshot; from: string } | { status: 'unavailable'; reason: string }

export function AsIsToBe({ snapshot }: { snapshot: Snapshot }) {
  const { doc, mapId } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  const { variant, asIsMapId, toBeMapId } = snapshot.meta
  const otherId = variant === 'to-be' ? asIsMapId : toBeMapId
  const otherName = t(variant === 'to-be' ? 'variant.as-is' : 'variant.to-be')
  const [other, setOther] = useState<Other>({ status: 'none' })
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!otherId) return setOther({ status: 'none' })
    const token = getRecentMap(otherId)?.token
    if (!token) return setOther({ status: 'unavailable', reason: t('compare.noLink', { other: otherName }) })
    setOther({ status: 'loading' })
    try {
      const parsed = parseJourneyJson(await fetchExportedMap(otherId, token))
      if (!parsed.ok) return setOther({ status: 'unavailable', reason: t('compare.unreadable', { other: otherName, errors: parsed.errors.slice(0, 3).map(formatError).join('; ') }) })
      setOther({ status: 'loaded', snapshot: parsed.snapshot, from: t('compare.fromServer', { other: otherName }) })
    } catch (e) {
      setOther({ status: 'unavailable', reason: t('compare.loadFailed', { other: otherName, message: errorText(t, e) }) })
    }
  }, [otherId, otherName, t])

  useEffect(() => void load(), [load])

  const duplicate = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const json = mapAsJson({ doc })
      json.meta = { ...json.meta, title: t('compare.toBeTitle', { title: snapshot.meta.title }), variant: 'to-be', asIsMapId: mapId, toBeMapId: '' }
      const created = await importMapOnServer(json)
      rememberMap({
        id: created.id,
        local: false,
        role: 'facilitator',
        token: created.facilitatorToken,
        title: json.meta.title as string,
        links: { facilitator: created.facilitatorToken, editor: created.editorToken, viewer: created.viewerToken },
      })
      setMapVariant(doc, { variant: 'as-is', toBeMapId: created.id })
      setMessage(t('compare.created'))
    } catch (e) {
      setMessage(t('compare.createFailed', { message: errorText(t, e) }))
    } finally {
      setBusy(false)
    }
  }

  const readFile = async (file: File) => {
    const parsed = parseJourneyJson(await file.text())
    if (!parsed.ok) return setMessage(t('compare.notAMap', { fileName: file.name, errors: parsed.errors.slice(0, 3).map(formatError).join('; ') }))
    setMessage(null)
    setOther({ status: 'loaded', snapshot: parsed.snapshot, from: file.name })
  }

  const local = getRecentMap(mapId)?.local ?? false
  const otherToken = otherId ? getRecentMap(otherId)?.token : undefined
  return (
    <div className="as-is-to-be">
      <p className="variant-line">
        {richMessage(t('compare.thisMapIs'), { variant: <strong>{t(`variant.${variant}`)}</strong> })}
        {otherId && otherToken && (
          <>
            {' '}
            <a href={`/m/${encodeURIComponent(otherId)}#token=${encodeURIComponent(otherToken)}`}>{t('compare.open', { other: otherName })}</a>
          </>
        )}
      </p>
      {!otherId && variant === 'as-is' && (
        <div className="view-toolbar">
          <button type="button" className="primary" disabled={busy || readOnly || local} onClick={duplicate}>
            {t('compare.duplicate')}
          </button>
          <span className="status-message">
            {local ? t('compare.publishFirst') : readOnly ? t('compare.viewersCannot') : t('compare.duplicateHint')}
          </span>
        </div>
      )}
      {other.status === 'loading' && <p className="status-message">{t('compare.loading', { other: otherName })}</p>}
      {other.status === 'unavailable' && (
        <p className="status-message" role="status">
          {other.reason} {richMessage(t('compare.howToGet', { other: otherName }), { id: <code>{otherId}</code> })}
        </p>
      )}
      {other.status === 'loaded' && <Comparison current={snapshot} other={other.snapshot} currentIsAsIs={variant !== 'to-be'} from={other.from} onReload={otherId ? load : undefined} />}
      <label className="file-button">
        {t('compare.withFile')}
        <input type="file" accept=".json,application/json" className="visually-hidden" onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])} />
      </label>
      {message && (
        <p className="status-message" role="status">
          {message}
        </p>
      )}
    </div>
  )
}

function Comparison({ current, other, currentIsAsIs, from, onReload }: { current: Snapshot; other: Snapshot; currentIsAsIs: boolean; from: string; onReload?: () => void }) {
  const [asIs, toBe] = currentIsAsIs ? [current, other] : [other, current]
  const comparison = useMemo(() => compareCurves(asIs, toBe), [asIs, toBe])
  const t = useT()
  const series: ChartSeries[] = comparison.pairs.flatMap((p, i) => [
    { key: `as-is-${i}`, label: t('compare.seriesAsIs', { name: p.name }), color: p.color, dashed: true, points: p.asIs },
    { key: `to-be-${i}`, label: t('compare.seriesToBe', { name: p.name }), color: p.color, points: p.toBe },
  ])
  return (
    <>
      <p className="status-message">
        {t('compare.comparedWith', { from })}{' '}
        {onReload && (
          <button type="button" className="link-button" onClick={onReload}>
            {t('compare.reload')}
          </button>
        )}
      </p>
      <EmotionChart columns={comparison.columns} series={series} locale={current.meta.locale} label={t('compare.chartLabel')} />
    </>
  )
}
