import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useT } from '../i18n/useT'

interface Props {
  children: ReactNode
  /** Names the part that failed: shown in the fallback's details and in the console. */
  label: string
  /** When this changes, a part that failed renders again (another selection, another map). */
  resetKey?: unknown
  /** Offered beside "Try again" where the part can simply be closed (a dialog). */
  onDismiss?: () => void
  /** Class of the fallback, so it takes the failed part's place in the layout. */
  className?: string
}

interface State {
  error: Error | null
}

/**
 * Keeps a render error inside one part of the page (the canvas, the inspector, a view, a dialog):
 * that part says what happened and offers to try again, and the rest of the map goes on working.
 * Errors in event handlers never reach a boundary; CommandNotice deals with those.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.label}:`, error, info.componentStack)
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null })
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return <ErrorFallback label={this.props.label} error={error} className={this.props.className} onRetry={() => this.setState({ error: null })} onDismiss={this.props.onDismiss} />
  }
}

function ErrorFallback({ label, error, className, onRetry, onDismiss }: { label: string; error: Error; className?: string; onRetry(): void; onDismiss?: () => void }) {
  const t = useT()
  return (
    <div className={`error-fallback${className ? ` ${className}` : ''}`} role="alert" data-testid="error-fallback">
      <h2>{t('error.title')}</h2>
      <p>{t('error.explain')}</p>
      <details>
        <summary>{label}</summary>
        <pre>{error.message}</pre>
      </details>
      <div className="button-row">
        <button type="button" className="primary" onClick={onRetry}>
          {t('error.tryAgain')}
        </button>
        {onDismiss ? (
          <button type="button" onClick={onDismiss}>
            {t('common.close')}
          </button>
        ) : (
          <button type="button" onClick={() => location.reload()}>
            {t('common.reload')}
          </button>
        )}
      </div>
    </div>
  )
}
