import { JoinQr } from './JoinQr'
import { useEffect, useRef, useState } from 'react'
import { getRecentMap, linkExpiresAt, mintLink, rememberMap, revokeLinks, shareUrl } from '../session'
import { createJoinCode } from '../session/lazyServer'
import { useJourneyStore } from '../store'
import { useT } from '../i18n/useT'
import { formatDateTime } from '../i18n/format'
import type { MessageKey } from '../i18n/translate'
import { Dialog } from './Dialog'
import { SeatLinks } from './workshop/SeatLinks'
import { errorText } from '../i18n/errorText'

type Role = 'facilitator' | 'editor' | 'viewer'

const LINKS = {
  editor: { label: 'share.editor', help: 'share.editorHelp' },
  viewer: { label: 'share.viewer', help: 'share.viewerHelp' },
  facilitator: { label: 'share.facilitator', help: 'share.facilitatorHelp' },
} as const satisfies Record<Role, { label: MessageKey; help: MessageKey }>

/** How long a new link may last, in seconds; 0 = until revoked. The relay allows up to a year. */
const EXPIRIES = [
  { seconds: 0, label: 'share.expiry.never' },
  { seconds: 3600, label: 'share.expiry.hour' },
  { seconds: 86_400, label: 'share.expiry.day' },
  { seconds: 7 * 86_400, label: 'share.expiry.week' },
  { seconds: 30 * 86_400, label: 'share.expiry.month' },
] as const satisfies readonly { seconds: number; label: MessageKey }[]

/**
 * Copyable links, safest first: the editor link leads and is selected when the dialog opens, since
 * it is the one a meeting chat should get; then the viewer link. The facilitator link (it can lock
 * the map, run votes and revoke links) stays behind an explicit co-facilitator choice with a
 * warning. A facilitator can give a new link an expiry and revoke every link of a role.
 */
export function ShareDialog({ mapId, token, onClose }: { mapId: string; token: string; onClose(): void }) {
  const role = useJourneyStore((s) => s.role)
  const t = useT()
  const isFacilitator = role === 'facilitator'
  const [links, setLinks] = useState<Partial<Record<Role, string>>>(() => ({ ...getRecentMap(mapId)?.links, [role]: token }))
  const [error, setError] = useState<string | null>(null)
  const [coFacilitator, setCoFacilitator] = useState(false)

  const keep = (r: Role, linkToken: string) => {
    setLinks((l) => ({ ...l, [r]: linkToken }))
    rememberMap({ id: mapId, links: { [r]: linkToken } })
  }

  useEffect(() => {
    if (!isFacilitator) return
    for (const r of ['editor', 'viewer'] as const) {
      if (links[r]) continue
      mintLink(mapId, token, r)
        .then(({ token: minted }) => keep(r, minted))
        .catch((e: unknown) => setError(errorText(t, e)))
    }
    // Mint once per opening; `links` changes as results arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapId, token, isFacilitator])

  const shown: Role[] = isFacilitator ? ['editor', 'viewer'] : role === 'editor' ? (links.viewer ? ['editor', 'viewer'] : ['editor']) : [role]
  return (
    <Dialog title={t('share.title')} open onClose={onClose} className="share-dialog">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="share-links">
        {shown.map((r, i) => (
          <LinkRow key={r} mapId={mapId} token={token} role={r} linkToken={links[r]} manage={isFacilitator} preselect={i === 0} onLink={(l) => keep(r, l)} onError={setError} />
        ))}
      </ul>
      {isFacilitator && (
        <section className="co-facilitator" aria-labelledby="co-facilitator-title">
          <h3 id="co-facilitator-title" className="visually-hidden">
            {t('share.coFacilitator')}
          </h3>
          <label className="checkbox">
            <input type="checkbox" checked={coFacilitator} onChange={(e) => setCoFacilitator(e.target.checked)} />
            {t('share.coFacilitatorChoice')}
          </label>
          {coFacilitator && (
            <>
              <p className="warning" role="note">
                <span aria-hidden="true">⚠ </span>
                {t('share.coFacilitatorWarning')}
              </p>
              <ul className="share-links">
                <LinkRow
                  mapId={mapId}
                  token={token}
                  role="facilitator"
                  linkToken={undefined}
                  manage
                  preselect={false}
                  onLink={() => undefined}
                  onError={setError}
                  ownToken={token}
                />
              </ul>
            </>
          )}
        </section>
      )}
      {isFacilitator && <SeatLinks mapId={mapId} token={token} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  )
}

/**
 * One role's link: the URL to copy, and for a facilitator an expiry for a new link and a revoke of
 * every link of the role, asked first. The co-facilitator row mints a link of its own (never shows
 * the facilitator's own), and revoking it hands this browser the fresh link so it stays in.
 */
function LinkRow(props: {
  mapId: string
  token: string
  role: Role
  linkToken: string | undefined
  manage: boolean
  preselect: boolean
  onLink(token: string): void
  onError(message: string): void
  ownToken?: string
}) {
  const { mapId, token, role, manage, preselect, onLink, onError } = props
  const t = useT()
  const [minted, setMinted] = useState<string | undefined>(undefined)
  const linkToken = props.linkToken ?? minted
  const url = linkToken ? shareUrl(mapId, linkToken) : ''
  const expiresAt = linkToken ? linkExpiresAt(linkToken) : null
  const [copied, setCopied] = useState(false)
  const [expiry, setExpiry] = useState(0)
  const [confirming, setConfirming] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const label = t(LINKS[role].label)
  const id = `share-${role}`

  // The facilitator link is never shown from what this browser holds: a co-facilitator gets a link of their own.
  useEffect(() => {
    if (props.ownToken === undefined || minted) return
    mintLink(mapId, token, role)
      .then((l) => setMinted(l.token))
      .catch((e: unknown) => onError(errorText(t, e)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // The first link is selected as soon as it exists, ready for Ctrl+C.
  useEffect(() => {
    if (!preselect || !url || !input.current) return
    input.current.focus()
    input.current.select()
  }, [preselect, url])

  const replace = (next: string) => {
    if (props.linkToken !== undefined) onLink(next)
    else setMinted(next)
    setCopied(false)
  }

  const newLink = async (seconds: number) => {
    try {
      const l = await mintLink(mapId, token, role, seconds || undefined)
      replace(l.token)
      setNotice(null)
    } catch (e) {
      onError(errorText(t, e))
    }
  }

  const revoke = async () => {
    setConfirming(false)
    try {
      const fresh = await revokeLinks(mapId, token, role)
      replace(fresh.token)
      setExpiry(0)
      setNotice(t.plural('share.revokedNotice', fresh.closedConnections, { label: label.toLocaleLowerCase(t.locale) }))
      if (props.ownToken !== undefined) {
        // Our own facilitator link was among those revoked: carry on with a fresh one.
        const own = await mintLink(mapId, fresh.token, 'facilitator')
        rememberMap({ id: mapId, token: own.token, links: { facilitator: own.token } })
        location.replace(shareUrl(mapId, own.token))
      }
    } catch (e) {
      onError(errorText(t, e))
    }
  }

  return (
    <li className={`share-link share-link-${role}`}>
      <label htmlFor={id}>{label}</label>
      <p className="muted small">{t(LINKS[role].help)}</p>
      <div className="field-inline">
        <input id={id} ref={input} readOnly value={url || t('share.creating')} onFocus={(e) => e.target.select()} aria-describedby={`${id}-expiry`} />
        <button
          type="button"
          disabled={!url}
          aria-label={t('share.copyLabel', { label: label.toLocaleLowerCase(t.locale) })}
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined)
            setCopied(true)
          }}
        >
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
      <p id={`${id}-expiry`} className="muted small">
        {expiresAt === null ? t('share.noExpiry') : t('share.expiresAt', { date: formatDateTime(expiresAt, t.locale) })}
      </p>
      {url && (role === 'editor' || role === 'viewer') && (
        // Only a facilitator may make a short code; others show the link's code and host.
        <JoinQr url={url} label={label} shortCode={manage ? () => createJoinCode(mapId, token, role) : undefined} />
      )}
      {manage && (
        <div className="share-manage">
          <label className="small">
            {t('share.validFor')}{' '}
            <select value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
              {EXPIRIES.map((x) => (
                <option key={x.seconds} value={x.seconds}>
                  {t(x.label)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void newLink(expiry)}>
            {t('share.newLink', { label: label.toLocaleLowerCase(t.locale) })}
          </button>
          {!confirming ? (
            <button type="button" className="link-button danger" onClick={() => setConfirming(true)}>
              {t('share.revoke', { label: label.toLocaleLowerCase(t.locale) })}
            </button>
          ) : (
            <div className="confirm" role="group" aria-label={t('share.revoke', { label: label.toLocaleLowerCase(t.locale) })}>
              <p className="small">{t('share.revokeConfirm', { label: label.toLocaleLowerCase(t.locale) })}</p>
              <button type="button" className="danger" onClick={() => void revoke()}>
                {t('share.revokeYes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      {notice && (
        <p className="small" role="status">
          {notice}
        </p>
      )}
    </li>
  )
}
