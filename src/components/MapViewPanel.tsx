import { ActionPlanView } from './actions/ActionPlanView'
import { InsightsView } from './insights/InsightsView'
import { PromisesView } from './promises/PromisesView'
import type { MapView } from './ViewTabs'

/** The views other than the canvas, each a page of its own in the map body. */
export function MapViewPanel({ view }: { view: Exclude<MapView, 'canvas'> }) {
  switch (view) {
    case 'insights':
      return <InsightsView />
    case 'actions':
      return <ActionPlanView />
    case 'promises':
      return <PromisesView />
  }
}
