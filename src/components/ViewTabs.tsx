/**
 * The map page's views of one document: the canvas, and the insights, action plan and promises
 * derived from it. Which view is open is session state (this tab only), never in the document.
 */
import { useRef, type KeyboardEvent } from 'react'
import { useT } from '../i18n/useT'
import './views.css'

export const MAP_VIEWS = [
  { id: 'canvas', label: 'views.canvas' },
  { id: 'outline', label: 'views.outline' },
  { id: 'insights', label: 'views.insights' },
  { id: 'actions', label: 'views.actions' },
  { id: 'promises', label: 'views.promises' },
] as const
export type MapView = (typeof MAP_VIEWS)[number]['id']

/** The id of the one panel every tab controls (its content swaps with the selected view). */
export const VIEW_PANEL_ID = 'map-view-panel'
export const viewTabId = (view: MapView) => `map-view-tab-${view}`

/** A WAI-ARIA tab list: arrow keys, Home and End move between tabs and select (automatic activation). */
export function ViewTabs({ value, onChange }: { value: MapView; onChange(view: MapView): void }) {
  const refs = useRef<Partial<Record<MapView, HTMLButtonElement | null>>>({})
  const t = useT()
  const onKeyDown = (e: KeyboardEvent) => {
    const index = MAP_VIEWS.findIndex((v) => v.id === value)
    const next =
      e.key === 'ArrowRight' ? (index + 1) % MAP_VIEWS.length : e.key === 'ArrowLeft' ? (index - 1 + MAP_VIEWS.length) % MAP_VIEWS.length : e.key === 'Home' ? 0 : e.key === 'End' ? MAP_VIEWS.length - 1 : -1
    if (next < 0) return
    e.preventDefault()
    const view = MAP_VIEWS[next].id
    onChange(view)
    refs.current[view]?.focus()
  }
  return (
    <div className="view-tabs" role="tablist" aria-label={t('views.label')} onKeyDown={onKeyDown}>
      {MAP_VIEWS.map((v) => (
        <button
          key={v.id}
          ref={(el) => void (refs.current[v.id] = el)}
          type="button"
          role="tab"
          id={viewTabId(v.id)}
          aria-selected={v.id === value}
          aria-controls={VIEW_PANEL_ID}
          tabIndex={v.id === value ? 0 : -1}
          className={v.id === value ? 'is-selected' : undefined}
          onClick={() => onChange(v.id)}
        >
          {t(v.label)}
        </button>
      ))}
    </div>
  )
}
