import { useT } from '../i18n/useT'

/**
 * The first Tab stop of a page: past the toolbar, the workshop bar and the tabs to the map (the
 * canvas, or the open view's heading). A button, not an `#anchor`: the address holds the map's
 * link, never a fragment of ours. Hidden until it has focus.
 */
export function SkipLink({ label, target }: { label: string; target: () => HTMLElement | null }) {
  return (
    <button
      type="button"
      className="skip-link"
      onClick={() => {
        const el = target()
        if (!el) return
        if (!el.hasAttribute('tabindex') && !el.matches('a, button, input, select, textarea')) el.tabIndex = -1
        el.focus()
      }}
    >
      {label}
    </button>
  )
}

/** The map page's: the canvas when it is shown, else the open view's heading. */
export function SkipToMap() {
  const t = useT()
  return <SkipLink label={t('skip.toMap')} target={() => document.querySelector<HTMLElement>('.map-canvas .react-flow') ?? document.querySelector<HTMLElement>('#map-view-panel h2')} />
}
