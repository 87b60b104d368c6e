import { addBlueprintItem } from '../../commands'
import type { BlueprintLane, Snapshot, StageId } from '../../model'
import { translate } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'

/** A place in a blueprint lane of a stage column: where a new item goes. */
export function BlueprintCellInspector({ stageId, lane, snapshot }: { stageId: StageId; lane: BlueprintLane; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const startEditingTitle = useJourneyStore((s) => s.startEditingTitle)
  const t = useT()
  return (
    <>
      <p className="crumb">
        {snapshot.stages[stageId].title} · {t(`blueprint.lane.${lane}`)}
      </p>
      {!readOnly && (
        <button
          type="button"
          className="primary wide"
          onClick={() => {
            const id = addBlueprintItem(doc, { stageId, lane, title: translate(snapshot.meta.locale, 'newRecord.blueprintItem') })
            select({ kind: 'blueprintItem', id })
            startEditingTitle(id)
          }}
        >
          {t('blueprint.addHere')}
        </button>
      )}
    </>
  )
}
