import { useEffect, useId, useRef, type ReactNode } from 'react'
import { ErrorBoundary } from './ErrorBoundary'

/** A modal built on <dialog>: focus is trapped and Escape closes it, natively. Its content fails on its own. */
export function Dialog({ title, open, onClose, children, className }: { title: string; open: boolean; onClose?: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const el = ref.current
    if (!el) return
    if (open && !el.open) el.showModal()
    if (!open && el.open) el.close()
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
