import { useEffect, useId, useRef, type ReactNode } from 'react'
import { ErrorBoundary } from './ErrorBoundary'

/**
 * The one modal of the app, built on <dialog> shown with showModal(): the rest of the page is inert
 * (focus stays inside), Escape closes it (unless it has no onClose, as while an export runs), it is
 * named by its heading, and focus returns to whatever had it before it opened, also when the
 * dialog is unmounted rather than closed. Its content fails on its own.
 */
export function Dialog({ title, open, onClose, children, className }: { title: string; open: boolean; onClose?: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const el = ref.current
    if (!el || !open) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!el.open) el.showModal()
    return () => {
      if (el.open) el.close()
      if (before && before !== document.body && before.isConnected) before.focus()
    }
  }, [open])
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        if (!onClose) e.preventDefault()
        else onClose()
      }}
    >
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          <ErrorBoundary label={title} onDismiss={onClose}>
            {children}
          </ErrorBoundary>
        </>
      )}
    </dialog>
  )
}
