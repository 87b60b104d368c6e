import { useEffect, useState } from 'react'
import { replaceContent } from '../../commands'
import { parseJourneyJson, sortedPersonas, sortedStages, type Snapshot } from '../../model'
import { fetchVersion, listVersions, saveVersion, type VersionInfo } from '../../sync'
import { useJourneyStore } from '../../store'
import { Dialog } from '../Dialog'
import { useMapSession } from '../MapSessionContext'

const REASONS: Record<string, string> = { manual: 'saved', lock: 'when locked', 'session-start': 'session start', 'before-restore': 'before a restore' }

/** Named snapshots: save, list, preview read-only, and restore as new changes. */
export function VersionsDialog({ mapId, token, onClose }: { mapId: string; token: string; onClose(): void }) {
  const { doc } = useMapSession()
  const isFacilitator = useJourneyStore((s) => s.role === 'facilitator')
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
    <Dialog title="Versions" open onClose={onClose} className="versions-dialog">
      {error && <p role="alert" className="error">{error}</p>}
      {isFacilitator && (
        <form
          className="field-inline"
          onSubmit={async (e) => {
            e.preventDefault()
            try {
              await saveVersion(mapId, token, name.trim() || `Version ${new Date().toLocaleString()}`)
              setName('')
              await refresh()
            } catch (err) {
              setError((err as Error).message)
            }
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Version name" placeholder="Name this version, e.g. After the workshop" maxLength={200} />
          <button type="submit" className="primary">
            Save version
          </button>
        </form>
      )}
      {preview ? (
        <div className="version-preview" aria-label={`Preview of ${preview.info.name}`}>
          <h3>
            {preview.info.name} <span className="muted small">{new Date(preview.info.createdAt).toLocaleString()}</span>
          </h3>
          <VersionSummary snapshot={preview.snapshot} />
          <div className="dialog-actions">
            <button type="button" onClick={() => setPreview(null)}>
              Back to list
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
                Restore this version
              </button>
            )}
          </div>
        </div>
      ) : (
        <ul className="versions-list">
          {versions === null && <li className="muted">Loading…</li>}
          {versions?.length === 0 && <li className="muted">No versions yet.</li>}
          {versions?.map((v) => (
            <li key={v.id}>
              <span>
                <strong>{v.name}</strong>
                <span className="muted small">
                  {' '}
                  {new Date(v.createdAt).toLocaleString()} · {REASONS[v.reason] ?? v.reason}
                </span>
              </span>
              <button type="button" onClick={() => void open(v)} aria-label={`Preview ${v.name}`}>
                Preview
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}

/** A read-only outline of a version: stages with their touchpoints per persona. */
function VersionSummary({ snapshot }: { snapshot: Snapshot }) {
  const personas = sortedPersonas(snapshot)
  return (
    <div className="version-summary">
      <p>
        <strong>{snapshot.meta.title}</strong> · {personas.length} personas · {Object.keys(snapshot.stages).length} stages · {Object.keys(snapshot.touchpoints).length} touchpoints · {Object.keys(snapshot.annotations).length} annotations
      </p>
      <ul>
        {sortedStages(snapshot).map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong>:{' '}
            {Object.values(snapshot.touchpoints)
              .filter((t) => t.stageId === s.id)
              .map((t) => t.title)
              .join(' · ') || <span className="muted">no touchpoints</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
