import { lazy, Suspense } from 'react'
import type { MapView } from './ViewTabs'

// The views other than the canvas load when first opened (charts, tables, customer feedback, the
// action board): a map's first load carries the canvas and nothing it does not show.
const InsightsView = lazy(() => import('./insights/InsightsView').then((m) => ({ default: m.InsightsView })))
const ActionPlanView = lazy(() => import('./actions/ActionPlanView').then((m) => ({ default: m.ActionPlanView })))
const OutlineView = lazy(() => import('./outline/OutlineView').then((m) => ({ default: m.OutlineView })))
const PromisesView = lazy(() => import('./promises/PromisesView').then((m) => ({ default: m.PromisesView })))

/** The views other than the canvas, each a page of its own in the map body. */
export function MapViewPanel({ view }: { view: Exclude<MapView, 'canvas'> }) {
  return (
    <Suspense fallback={null}>
      {view === 'outline' ? <OutlineView /> : view === 'insights' ? <InsightsView /> : view === 'actions' ? <ActionPlanView /> : <PromisesView />}
    </Suspense>
  )
}
