import { useEffect, useState } from 'react'
import { parseJourneyJson, type Snapshot } from '../../model'
import { fetchVersion, listVersions, saveVersion, type VersionInfo } from '../../session'
import { useJourneyStore } from '../../store'
import { Dialog } from '../Dialog'
import { VersionPreview } from '../versions/VersionPreview'
import { formatDateTime } from '../../i18n/format'
import { useT } from '../../i18n/useT'
import { useMapT } from '../useMapT'
import { errorText } from '../../i18n/errorText'

const REASONS = ['manual', 'lock', 'session-start', 'before-restore'] as const
const isKnownReason = (reason: string): reason is (typeof REASONS)[number] => (REASONS as readonly string[]).includes(reason)

/** Named snapshots: save, list, preview read-only with what changed since, and restore (asked first) as new changes. */
export function VersionsDialog({ mapId, token, onClose }: { mapId: string; token: string; onClose(): void }) {
  const isFacilitator = useJourneyStore((s) => s.role === 'facilitator')
  const t = useT()
  // A version's name is the map's, so it reads in the map's language (README "Languages"); the
  // relay names the versions it takes in English, which stands only where the map is English.
  const mapT = useMapT()
  const named = (v: VersionInfo): VersionInfo => (v.reason === 'lock' ? { ...v, name: mapT('versions.auto.lock') } : v.reason === 'session-start' ? { ...v, name: mapT('versions.auto.sessionStart') } : v)
  const [versions, setVersions] = useState<VersionInfo[] | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<{ info: VersionInfo; snapshot: Snapshot } | null>(null)

  const refresh = () =>
    listVersions(mapId, token)
      .then(setVersions)
      .catch((e: unknown) => setError(errorText(t, e)))
  useEffect(() => {
    void refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapId, token])

  const open = async (info: VersionInfo) => {
    try {
      const parsed = parseJourneyJson(await fetchVersion(mapId, token, info.id))
      if (!parsed.ok) return setError(errorText(t, 'invalid'))
      setPreview({ info: named(info), snapshot: parsed.snapshot })
    } catch (e) {
      setError(errorText(t, e))
    }
  }

  return (
    <Dialog title={t('versions.title')} open onClose={onClose} className={`versions-dialog${preview ? ' is-previewing' : ''}`}>
      {error && <p role="alert" className="error">{error}</p>}
      {isFacilitator && (
        <form
          className="field-inline"
          onSubmit={async (e) => {
            e.preventDefault()
            try {
              await saveVersion(mapId, token, name.trim() || mapT('versions.defaultName', { date: formatDateTime(Date.now(), mapT.locale) }))
              setName('')
              await refresh()
            } catch (err) {
              setError(errorText(t, err))
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
        <VersionPreview mapId={mapId} token={token} info={preview.info} version={preview.snapshot} onBack={() => setPreview(null)} onRestored={onClose} />
      ) : (
        <ul className="versions-list">
          {versions === null && <li className="muted">{t('common.loading')}</li>}
          {versions?.length === 0 && <li className="muted">{t('versions.none')}</li>}
          {versions?.map(named).map((v) => (
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
