import { useEffect, useState } from 'react'
import { CommandError } from '../commands'
import { errorText } from '../i18n/errorText'
import { useT } from '../i18n/useT'

/**
 * A command that cannot run throws CommandError, most often because a colleague deleted what it
 * names a moment before (a click on a list that had not caught up, a drop on a removed stage).
 * Whichever handler ran it, the error ends up here (React reports event-handler errors on
 * window, as does a plain listener, and a promise's on `unhandledrejection`), in one place, as a
 * short notice instead of an uncaught error. Nothing was written: commands are one transaction.
 */
export function CommandNotice() {
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null)
  const t = useT()
  useEffect(() => {
    const handle = (error: unknown, event: Event) => {
      if (!(error instanceof CommandError)) return
      event.preventDefault()
      setNotice({ text: error.code === 'not-found' ? t('notice.deletedMeanwhile') : t('notice.commandFailed', { message: errorText(t, error) }), at: Date.now() })
    }
    const onError = (e: ErrorEvent) => handle(e.error, e)
    const onRejection = (e: PromiseRejectionEvent) => handle(e.reason, e)
    window.addEventListener('error', onError)
    window.addEventListener('unhandledrejection', onRejection)
    return () => {
      window.removeEventListener('error', onError)
      window.removeEventListener('unhandledrejection', onRejection)
    }
  }, [t])
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), 8000)
    return () => clearTimeout(timer)
  }, [notice])
  if (!notice) return null
  return (
    <div className="command-notice" role="alert" data-testid="command-notice">
      <p>{notice.text}</p>
      <button type="button" className="link-button" onClick={() => setNotice(null)}>
        {t('common.dismiss')}
      </button>
    </div>
  )
}
