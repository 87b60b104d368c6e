import { addTouchpoint } from '../../commands'
import type { PersonaId, StageId } from '../../model'
import { translate } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'

/** An empty stage × persona cell: where a new touchpoint goes. */
export function CellInspector({ stageId, personaId }: { stageId: StageId; personaId: PersonaId }) {
  const stageTitle = useJourneyStore((s) => s.snapshot.stages[stageId]?.title)
  const personaName = useJourneyStore((s) => s.snapshot.personas[personaId]?.name)
  const locale = useJourneyStore((s) => s.snapshot.meta.locale)
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const startEditingTitle = useJourneyStore((s) => s.startEditingTitle)
  const t = useT()
  return (
    <>
      <p className="crumb">
        {stageTitle} · {personaName}
      </p>
      {!readOnly && (
        <button
          type="button"
          className="primary wide"
          onClick={() => {
            const id = addTouchpoint(doc, { stageId, personaId, title: translate(locale, 'newRecord.touchpoint') })
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
