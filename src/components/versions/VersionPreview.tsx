import { useMemo, useState } from 'react'
import { replaceContent } from '../../commands'
import { diffVersion, type RecordChange, type Snapshot } from '../../model'
import { saveVersion, type VersionInfo } from '../../session'
import { selectSnapshot, useJourneyStore } from '../../store'
import { formatDateTime } from '../../i18n/format'
import { useT } from '../../i18n/useT'
import { useMapT } from '../useMapT'
import { useMapSession } from '../../session/MapSessionContext'
import { VersionCanvas } from './VersionCanvas'
import { fieldChangeText, recordChangeText } from './recordChangeText'
import { errorText } from '../../i18n/errorText'

/**
 * One version, previewed: its canvas with what changed between it and now marked on it, the
 * changes listed (a click brings one into view), and for a facilitator a restore that asks
 * first and saves the map as it is now as a version before writing the old content back.
 */
export function VersionPreview({ mapId, token, info, version, onBack, onRestored }: { mapId: string; token: string; info: VersionInfo; version: Snapshot; onBack(): void; onRestored(): void }) {
  const session = useMapSession()
  const { doc } = session
  const t = useT()
  const mapT = useMapT()
  const now = useJourneyStore(selectSnapshot)
  const isFacilitator = useJourneyStore((s) => s.role === 'facilitator')
  const diff = useMemo(() => diffVersion(version, now), [version, now])
  const [focusId, setFocusId] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // The confirmation counts exactly what the list shows.
  const total = diff.total

  const restore = async () => {
    setBusy(true)
    try {
      // The map as it is now stays reachable: restoring is itself undoable from this list.
      await saveVersion(mapId, token, mapT('versions.beforeRestoreName', { name: info.name }))
      // One undo step of its own, so the restorer's Undo takes back exactly the restore.
      session.undoManager.stopCapturing()
      replaceContent(doc, version)
      session.undoManager.stopCapturing()
      session.setPresence('restored', { version: info.name, at: Date.now() })
      onRestored()
    } catch (e) {
      setError(errorText(t, e))
      setBusy(false)
    }
  }

  const groups = [
    { kind: 'removed', title: t('versions.diff.removed'), items: diff.cards.filter((c) => c.kind === 'removed').map((c) => ({ id: c.id, text: c.then.title })) },
    { kind: 'added', title: t('versions.diff.added'), items: diff.cards.filter((c) => c.kind === 'added').map((c) => ({ id: c.id, text: c.now.title })) },
    {
      kind: 'moved',
      title: t('versions.diff.moved'),
      items: diff.cards.flatMap((c) => (c.kind === 'moved' ? [{ id: c.id, text: `${c.now.title} → ${now.stages[c.now.stageId]?.title ?? ''} · ${now.personas[c.now.personaId]?.name ?? ''}` }] : [])),
    },
    { kind: 'retitled', title: t('versions.diff.retitled'), items: diff.cards.flatMap((c) => (c.kind === 'retitled' ? [{ id: c.id, text: `${c.then.title} → ${c.now.title}` }] : [])) },
    {
      kind: 'retitled',
      title: t('versions.diff.headers'),
      items: [...diff.stages, ...diff.personas].map((h, i) => {
        const name = (r: { title?: string; name?: string }) => r.title ?? r.name ?? ''
        const text = h.kind === 'renamed' ? `${name(h.then)} → ${name(h.now)}` : h.kind === 'removed' ? `− ${name(h.then)}` : `+ ${name(h.now)}`
        return { id: `header-${i}`, text }
      }),
    },
    {
      kind: 'changed',
      title: t('versions.diff.otherChanges'),
      items: [
        ...diff.meta.map((f) => ({ id: `meta-${f.field}`, text: `${t('versions.diff.mapField')}: ${fieldChangeText(f, t)}` })),
        ...diff.records.map((r) => ({ id: focusTarget(r, now, version), text: recordChangeText(r, t) })),
      ],
    },
  ].filter((g) => g.items.length > 0)

  return (
    <section className="version-preview" aria-label={t('versions.previewOf', { name: info.name })}>
      <h3>
        {info.name} <span className="muted small">{formatDateTime(info.createdAt, t.locale)}</span>
      </h3>
      <p className="version-counts" aria-live="polite">
        {total === 0
          ? t('versions.diff.none')
          : [
              t.plural('versions.diff.countRemoved', diff.counts.removed),
              t.plural('versions.diff.countAdded', diff.counts.added),
              t.plural('versions.diff.countMoved', diff.counts.moved),
              t.plural('versions.diff.countRetitled', diff.counts.retitled),
              t.plural('versions.diff.countOther', diff.counts.other + diff.stages.length + diff.personas.length + diff.meta.length),
            ].join(' · ')}
      </p>
      <p className="version-legend" aria-hidden="true">
        <span className="removed">{t('versions.diff.removedSince')}</span>
        <span className="added">{t('versions.diff.addedSince')}</span>
        <span className="moved">{t('versions.diff.movedLegend')}</span>
        <span className="retitled">{t('versions.diff.retitledLegend')}</span>
        <span className="changed">{t('versions.diff.changedLegend')}</span>
      </p>
      <div className="version-preview-body">
        <VersionCanvas version={version} now={now} diff={diff} focusId={focusId} />
        <div className="version-changes" aria-label={t('versions.diff.changes')} role="region">
          {groups.length === 0 && <p className="muted">{t('versions.diff.none')}</p>}
          {groups.map((g) => (
            <div key={g.title} className={g.kind}>
              <h4>{g.title}</h4>
              <ul>
                {g.items.map((item, i) => (
                  <li key={`${g.title}-${item.id}-${i}`} data-testid="version-change">
                    <button type="button" onClick={() => setFocusId(item.id)} aria-label={t('versions.diff.show', { text: item.text })}>
                      {item.text}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {confirming && (
        <div className="version-confirm" role="alertdialog" aria-labelledby="restore-confirm-text">
          <p id="restore-confirm-text">{t.plural('versions.restoreConfirm', total, { name: info.name })}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void restore()} autoFocus>
            {t('versions.restoreYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onBack}>
          {t('versions.back')}
        </button>
        {isFacilitator && !confirming && (
          <button type="button" className="primary" onClick={() => setConfirming(true)}>
            {t('versions.restore')}
          </button>
        )}
      </div>
    </section>
  )
}

/** Where a click on a change brings the preview: the card itself, or the card an annotation, link or comment sits on. */
function focusTarget(change: RecordChange, now: Snapshot, then: Snapshot): string {
  if (change.collection === 'touchpoints') return change.id
  const record = (change.kind === 'removed' ? change.then : change.now) as { targetId?: string; from?: string }
  const on = record.targetId ?? record.from
  if (on && (now.touchpoints[on] || then.touchpoints[on])) return on
  return `${change.collection}-${change.id}`
}
