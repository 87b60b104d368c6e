import { addPersona, addStage } from '../commands'
import type { Phase } from '../model'
import { translate } from '../i18n/translate'
import { useJourneyStore } from '../store'
import { useMapSession } from '../session/MapSessionContext'

/** Toolbar actions to grow the grid. */
export function useGridActions() {
  const { doc } = useMapSession()
  const select = useJourneyStore((s) => s.select)
  return {
    addStage(phase: Phase) {
      const id = addStage(doc, { phase, title: translate(useJourneyStore.getState().snapshot.meta.locale, 'newRecord.stage') })
      select({ kind: 'stage', id })
    },
    addPersona() {
      const id = addPersona(doc, { name: translate(useJourneyStore.getState().snapshot.meta.locale, 'newRecord.persona') })
      select({ kind: 'persona', id })
    },
  }
}
