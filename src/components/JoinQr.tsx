import { useEffect, useMemo, useRef, useState } from 'react'
import { renderSVG } from 'uqr'
import { useT } from '../i18n/useT'

/** A QR code of `url` as an image (SVG from uqr, a maintained encoder of a few KB; loaded with the share dialog). */
function QrImage({ url, alt, className }: { url: string; alt: string; className?: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(url, { border: 2 }))}`, [url])
  return <img src={src} alt={alt} className={className} />
}

/**
 * A link's QR code beside it in the share dialog, and "Show join code": the code large, with the
 * address, full screen for the projector, so the room joins by pointing a phone at the wall.
 */
export function JoinQr({ url, label }: { url: string; label: string }) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  useEffect(() => {
    if (open) dialog.current?.showModal()
  }, [open])
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
          <p className="join-address">{new URL(url).host}</p>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('common.close')}
          </button>
        </dialog>
      )}
    </div>
  )
}
