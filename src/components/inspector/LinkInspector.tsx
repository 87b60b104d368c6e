import { deleteLink, relabelLink } from '../../commands'
import type { LinkId } from '../../model'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { TextField } from '../../fields/fields'
import { DeleteRecordButton } from './RecordButtons'

/** A link between two touchpoints: its label. */
export function LinkInspector({ id }: { id: LinkId }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const link = useJourneyStore((s) => s.snapshot.links[id])
  const fromTitle = useJourneyStore((s) => (link ? s.snapshot.touchpoints[link.from]?.title : undefined))
  const toTitle = useJourneyStore((s) => (link ? s.snapshot.touchpoints[link.to]?.title : undefined))
  const t = useT()
  if (!link) return null
  return (
    <>
      <p className="crumb">
        {fromTitle} → {toTitle}
      </p>
      <TextField label={t('inspector.linkLabel')} value={link.label} editKey={{ id, field: 'label' }} disabled={readOnly} onCommit={(label) => relabelLink(doc, id, label)} />
      {!readOnly && <DeleteRecordButton label={t('inspector.deleteLink')} onDelete={() => deleteLink(doc, id)} />}
    </>
  )
}
