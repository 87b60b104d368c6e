import { deleteLink, relabelLink } from '../../commands'
import type { LinkId, Snapshot } from '../../model'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { TextField } from '../../fields/fields'
import { DeleteRecordButton } from './RecordButtons'

/** A link between two touchpoints: its label. */
export function LinkInspector({ id, snapshot }: { id: LinkId; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const link = snapshot.links[id]
  const t = useT()
  return (
    <>
      <p className="crumb">
        {snapshot.touchpoints[link.from]?.title} → {snapshot.touchpoints[link.to]?.title}
      </p>
      <TextField label={t('inspector.linkLabel')} value={link.label} editKey={{ id, field: 'label' }} disabled={readOnly} onCommit={(label) => relabelLink(doc, id, label)} />
      {!readOnly && <DeleteRecordButton label={t('inspector.deleteLink')} onDelete={() => deleteLink(doc, id)} />}
    </>
  )
}
