import { ActionPlanView } from './actions/ActionPlanView'
import { lazy, Suspense } from 'react'
import { PromisesView } from './promises/PromisesView'
import type { MapView } from './ViewTabs'

// Insights (charts, tables, customer feedback) loads when first opened: it keeps the first load of a map small.
const InsightsView = lazy(() => import('./insights/InsightsView').then((m) => ({ default: m.InsightsView })))

/** The views other than the canvas, each a page of its own in the map body. */
export function MapViewPanel({ view }: { view: Exclude<MapView, 'canvas'> }) {
  switch (view) {
    case 'insights':
      return (
        <Suspense fallback={null}>
          <InsightsView />
        </Suspense>
      )
    case 'actions':
      return <ActionPlanView />
    case 'promises':
      return <PromisesView />
  }
}
