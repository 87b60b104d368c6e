import { useEffect, useState } from 'react'
import { useT } from '../../i18n/useT'
import { useJourneyStore, type JourneyState } from '../../store'
import { getRecentMap } from '../../session'
import { createJoinCode } from '../../session/lazyServer'
import { QrImage } from '../JoinQr'

const selectMapId = (s: JourneyState) => s.mapId
const selectRole = (s: JourneyState) => s.role

/** One editor join code per map in this page while it lasts, shared by the title slide and room view. */
const codes = new Map<string, Promise<{ url: string; expiresAt: string }>>()

function editorJoinCode(mapId: string, token: string): Promise<{ url: string; expiresAt: string }> {
  const known = codes.get(mapId)
  if (known) return known
  const made = createJoinCode(mapId, token, 'editor')
  codes.set(mapId, made)
  made.then(
    // Forget it a minute before it expires, so the next showing makes a fresh one.
    ({ expiresAt }) => setTimeout(() => codes.delete(mapId), Math.max(0, Date.parse(expiresAt) - Date.now() - 60_000)),
    () => codes.delete(mapId),
  )
  return made
}

/**
 * The editor join code for the room: a QR code of the short address and the address to type,
 * on the presentation's title slide and in room view's corner. Only a facilitator can make one;
 * on anyone else's screen, and while the code is being made, it shows nothing. Loaded on demand
 * (it carries the QR encoder).
 */
export function JoinCodeBadge({ className }: { className: string }) {
  const t = useT()
  const mapId = useJourneyStore(selectMapId)
  const role = useJourneyStore(selectRole)
  const [shortUrl, setShortUrl] = useState<string | null>(null)
  useEffect(() => {
    const token = mapId ? getRecentMap(mapId)?.token : undefined
    if (!mapId || role !== 'facilitator' || !token) return
    let live = true
    editorJoinCode(mapId, token).then(
      (code) => live && setShortUrl(code.url),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [mapId, role])
  if (!shortUrl || role !== 'facilitator') return null
  const address = shortUrl.replace(/^https?:\/\//, '')
  return (
    <figure className={className} data-testid="join-code-badge">
      <QrImage url={shortUrl} alt={t('join.qrAlt', { label: t('share.editor').toLocaleLowerCase(t.locale) })} />
      <figcaption>
        <span className="join-badge-title">{t('join.title')}</span> <span className="join-badge-address">{address}</span>
      </figcaption>
    </figure>
  )
}
