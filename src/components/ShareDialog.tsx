import { useEffect, useState } from 'react'
import { getRecentMap, mintLink, rememberMap, shareUrl } from '../sync'
import { useJourneyStore } from '../store'
import { useT } from '../i18n/useT'
import type { MessageKey } from '../i18n/translate'
import { Dialog } from './Dialog'
import { SeatLinks } from './workshop/SeatLinks'

const ROLES = [
  { role: 'facilitator', label: 'share.facilitator', help: 'share.facilitatorHelp' },
  { role: 'editor', label: 'share.editor', help: 'share.editorHelp' },
  { role: 'viewer', label: 'share.viewer', help: 'share.viewerHelp' },
] as const satisfies readonly { role: string; label: MessageKey; help: MessageKey }[]

/** Copyable links per role. A facilitator can mint any role's link; others share what they hold. */
export function ShareDialog({ mapId, token, onClose }: { mapId: string; token: string; onClose(): void }) {
  const role = useJourneyStore((s) => s.role)
  const t = useT()
  const [links, setLinks] = useState<Partial<Record<string, string>>>(() => ({ ...getRecentMap(mapId)?.links, [role]: token }))
  const [error, setError] = useState<string | null>(null)
  const [copied, setCopied] = useState<string | null>(null)

  useEffect(() => {
    if (role !== 'facilitator') return
    for (const { role: r } of ROLES) {
      if (links[r]) continue
      mintLink(mapId, token, r)
        .then(({ token: t }) => {
          setLinks((l) => ({ ...l, [r]: t }))
          rememberMap({ id: mapId, links: { [r]: t } })
        })
        .catch((e: Error) => setError(e.message))
    }
    // Mint once per opening; `links` changes as results arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapId, token, role])

  const visible = ROLES.filter((r) => role === 'facilitator' || r.role === role || (role === 'editor' && r.role === 'viewer' && links.viewer))
  return (
    <Dialog title={t('share.title')} open onClose={onClose}>
      {error && <p role="alert" className="error">{error}</p>}
      <ul className="share-links">
        {visible.map(({ role: r, label, help }) => {
          const url = links[r] ? shareUrl(mapId, links[r]!) : ''
          return (
            <li key={r}>
              <label htmlFor={`share-${r}`}>{t(label)}</label>
              <p className="muted small">{t(help)}</p>
              <div className="field-inline">
                <input id={`share-${r}`} readOnly value={url || t('share.creating')} onFocus={(e) => e.target.select()} />
                <button
                  type="button"
                  disabled={!url}
                  aria-label={t('share.copyLabel', { label: t(label).toLocaleLowerCase(t.locale) })}
                  onClick={async () => {
                    await navigator.clipboard?.writeText(url).catch(() => undefined)
                    setCopied(r)
                  }}
                >
                  {copied === r ? t('share.copied') : t('share.copy')}
                </button>
              </div>
            </li>
          )
        })}
      </ul>
      {role === 'facilitator' && <SeatLinks mapId={mapId} token={token} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  )
}
