import { useEffect, useMemo, useRef, useState } from 'react'
import { renderSVG } from 'uqr'
import { useT } from '../i18n/useT'

/** A QR code of `url` as an image (SVG from uqr, a maintained encoder of a few KB; loaded with the share dialog). */
export function QrImage({ url, alt, className }: { url: string; alt: string; className?: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(url, { border: 2 }))}`, [url])
  return <img src={src} alt={alt} className={className} />
}

/**
 * A link's QR code beside it in the share dialog, and "Show join code": the code large, with the
 * short address (`host/j/7KQ-4ZP-M3X`, when the facilitator may make one) to type when a camera
 * fails, full screen for the projector, so the room joins by pointing a phone at the wall.
 */
export function JoinQr({ url, label, shortCode }: { url: string; label: string; shortCode?: () => Promise<{ url: string }> }) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  // The short address of the link it was made for: a new link (after a revocation) needs a new code.
  const [short, setShort] = useState<{ link: string; url: string } | null>(null)
  const shortUrl = short?.link === url ? short.url : null
  useEffect(() => {
    if (open) dialog.current?.showModal()
  }, [open])
  // One short code per link, made when first shown full screen; without one the host is shown.
  useEffect(() => {
    if (!open || !shortCode || shortUrl) return
    let live = true
    shortCode().then(
      (made) => live && setShort({ link: url, url: made.url }),
      () => undefined,
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, url])
  const name = label.toLocaleLowerCase(t.locale)
  return (
    <div className="join-qr">
      <QrImage url={url} alt={t('join.qrAlt', { label: name })} className="join-qr-small" />
      <button type="button" onClick={() => setOpen(true)}>
        {t('join.show', { label: name })}
      </button>
      {open && (
        <dialog ref={dialog} className="join-fullscreen" aria-label={t('join.title')} onClose={() => setOpen(false)}
          // Escape closes this dialog only, not the share dialog it opened from.
          onKeyDown={(e) => e.key === 'Escape' && e.stopPropagation()}
          onCancel={(e) => e.stopPropagation()}
        >
          <h2>{t('join.title')}</h2>
          <QrImage url={url} alt={t('join.qrAlt', { label: name })} className="join-qr-large" />
          {shortUrl ? (
            <p className="join-address">
              <span className="join-address-lead">{t('join.orOpen')}</span> <span data-testid="join-short-address">{shortUrl.replace(/^https?:\/\//, '')}</span>
            </p>
          ) : (
            <p className="join-address">{new URL(url).host}</p>
          )}
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('common.close')}
          </button>
        </dialog>
      )}
    </div>
  )
}
