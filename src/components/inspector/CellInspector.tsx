import { addTouchpoint } from '../../commands'
import type { PersonaId, Snapshot, StageId } from '../../model'
import { translate } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'

/** An empty stage × persona cell: where a new touchpoint goes. */
export function CellInspector({ stageId, personaId, snapshot }: { stageId: StageId; personaId: PersonaId; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const startEditingTitle = useJourneyStore((s) => s.startEditingTitle)
  const t = useT()
  return (
    <>
      <p className="crumb">
        {snapshot.stages[stageId].title} · {snapshot.personas[personaId].name}
      </p>
      {!readOnly && (
        <button
          type="button"
          className="primary wide"
          onClick={() => {
            const id = addTouchpoint(doc, { stageId, personaId, title: translate(snapshot.meta.locale, 'newRecord.touchpoint') })
            select({ kind: 'touchpoint', id })
            startEditingTitle(id)
          }}
        >
          {t('inspector.addTouchpointHere')}
        </button>
      )}
    </>
  )
}
