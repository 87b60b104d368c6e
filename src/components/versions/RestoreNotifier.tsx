import { useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n/useT'
import { useMapSession } from '../../session/MapSessionContext'

/** What a restorer tells everyone through presence: which version, and when (their clock, only to tell one restore from the next). */
interface Restored {
  version: string
  at: number
}

function restoredOf(v: unknown): Restored | null {
  if (typeof v !== 'object' || v === null) return null
  const { version, at } = v as { version?: unknown; at?: unknown }
  return typeof version === 'string' && version.length <= 200 && typeof at === 'number' && Number.isFinite(at) ? { version, at } : null
}

/**
 * "Fiona restored 'Before lunch'" on every screen that is connected when a facilitator restores a
 * version, so nobody wonders where their work went; the restorer's own notice offers Undo, which
 * takes the restore back (it was one local transaction).
 */
export function RestoreNotifier() {
  const { awareness, undoManager } = useMapSession()
  const t = useT()
  const seen = useRef<Set<string> | null>(null)
  const [notice, setNotice] = useState<{ name: string; version: string; mine: boolean } | null>(null)

  useEffect(() => {
    const read = (initial: boolean) => {
      const known = (seen.current ??= new Set())
      awareness.getStates().forEach((state, clientId) => {
        const r = restoredOf(state?.restored)
        if (!r) return
        const key = `${clientId}:${r.at}`
        if (known.has(key)) return
        known.add(key)
        // A restore announced before this screen opened is not news.
        if (initial) return
        const user = state.user as { name?: unknown } | undefined
        setNotice({ name: typeof user?.name === 'string' ? user.name.slice(0, 60) : '?', version: r.version, mine: clientId === awareness.clientID })
      })
    }
    read(true)
    const onChange = () => read(false)
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness])

  if (!notice) return null
  return (
    <div className="mention-toast restore-toast" role="alert" data-testid="restore-notice">
      <strong>{notice.mine ? t('versions.youRestored', { version: notice.version }) : t('versions.someoneRestored', { name: notice.name, version: notice.version })}</strong>
      <div className="dialog-actions">
        {notice.mine && (
          <button type="button" className="primary" onClick={() => (undoManager.undo(), setNotice(null))}>
            {t('toolbar.undo')}
          </button>
        )}
        <button type="button" onClick={() => setNotice(null)}>
          {t('common.dismiss')}
        </button>
      </div>
    </div>
  )
}
