import { useEffect, useState } from 'react'
import { replaceContent } from '../../commands'
import { parseJourneyJson, sortedPersonas, sortedStages, type Snapshot } from '../../model'
import { fetchVersion, listVersions, saveVersion, type VersionInfo } from '../../sync'
import { useJourneyStore } from '../../store'
import { Dialog } from '../Dialog'
import { useMapSession } from '../../session/MapSessionContext'
import { formatDateTime } from '../../i18n/format'
import { useT } from '../../i18n/useT'

const REASONS = ['manual', 'lock', 'session-start', 'before-restore'] as const
const isKnownReason = (reason: string): reason is (typeof REASONS)[number] => (REASONS as readonly string[]).includes(reason)

/** Named snapshots: save, list, preview read-only, and restore as new changes. */
export function VersionsDialog({ mapId, token, onClose }: { mapId: string; token: string; onClose(): void }) {
  const { doc } = useMapSession()
  const isFacilitator = useJourneyStore((s) => s.role === 'facilitator')
  const t = useT()
  const [versions, setVersions] = useState<VersionInfo[] | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<{ info: VersionInfo; snapshot: Snapshot } | null>(null)

  const refresh = () =>
    listVersions(mapId, token)
      .then(setVersions)
      .catch((e: Error) => setError(e.message))
  useEffect(() => {
    void refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapId, token])

  const open = async (info: VersionInfo) => {
    try {
      const parsed = parseJourneyJson(await fetchVersion(mapId, token, info.id))
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'))
      setPreview({ info, snapshot: parsed.snapshot })
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <Dialog title={t('versions.title')} open onClose={onClose} className="versions-dialog">
      {error && <p role="alert" className="error">{error}</p>}
      {isFacilitator && (
        <form
          className="field-inline"
          onSubmit={async (e) => {
            e.preventDefault()
            try {
              await saveVersion(mapId, token, name.trim() || t('versions.defaultName', { date: formatDateTime(Date.now(), t.locale) }))
              setName('')
              await refresh()
            } catch (err) {
              setError((err as Error).message)
            }
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('versions.name')} placeholder={t('versions.namePlaceholder')} maxLength={200} />
          <button type="submit" className="primary">
            {t('versions.save')}
          </button>
        </form>
      )}
      {preview ? (
        <div className="version-preview" aria-label={t('versions.previewOf', { name: preview.info.name })}>
          <h3>
            {preview.info.name} <span className="muted small">{formatDateTime(preview.info.createdAt, t.locale)}</span>
          </h3>
          <VersionSummary snapshot={preview.snapshot} />
          <div className="dialog-actions">
            <button type="button" onClick={() => setPreview(null)}>
              {t('versions.back')}
            </button>
            {isFacilitator && (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  replaceContent(doc, preview.snapshot)
                  onClose()
                }}
              >
                {t('versions.restore')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <ul className="versions-list">
          {versions === null && <li className="muted">{t('common.loading')}</li>}
          {versions?.length === 0 && <li className="muted">{t('versions.none')}</li>}
          {versions?.map((v) => (
            <li key={v.id}>
              <span>
                <strong>{v.name}</strong>
                <span className="muted small">
                  {' '}
                  {formatDateTime(v.createdAt, t.locale)} · {isKnownReason(v.reason) ? t(`versions.reason.${v.reason}`) : v.reason}
                </span>
              </span>
              <button type="button" onClick={() => void open(v)} aria-label={t('versions.previewName', { name: v.name })}>
                {t('versions.preview')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  )
}

/** A read-only outline of a version: stages with their touchpoints per persona. */
function VersionSummary({ snapshot }: { snapshot: Snapshot }) {
  const personas = sortedPersonas(snapshot)
  const t = useT()
  return (
    <div className="version-summary">
      <p>
        <strong>{snapshot.meta.title}</strong> · {t.plural('versions.summary.personas', personas.length)} · {t.plural('versions.summary.stages', Object.keys(snapshot.stages).length)} ·{' '}
        {t.plural('versions.summary.touchpoints', Object.keys(snapshot.touchpoints).length)} · {t.plural('versions.summary.annotations', Object.keys(snapshot.annotations).length)}
      </p>
      <ul>
        {sortedStages(snapshot).map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong>:{' '}
            {Object.values(snapshot.touchpoints)
              .filter((t) => t.stageId === s.id)
              .map((t) => t.title)
              .join(' · ') || <span className="muted">{t('versions.noTouchpoints')}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
