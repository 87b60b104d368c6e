import { deleteLink, relabelLink } from '../../commands'
import type { LinkId, Snapshot } from '../../model'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { TextField } from '../fields'

/** A link between two touchpoints: its label. */
export function LinkInspector({ id, snapshot }: { id: LinkId; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const link = snapshot.links[id]
  const t = useT()
  return (
    <>
      <p className="crumb">
        {snapshot.touchpoints[link.from]?.title} → {snapshot.touchpoints[link.to]?.title}
      </p>
      <TextField label={t('inspector.linkLabel')} value={link.label} editKey={{ id, field: 'label' }} disabled={readOnly} onCommit={(label) => relabelLink(doc, id, label)} />
      {!readOnly && (
        <button
          type="button"
          className="danger wide"
          onClick={() => {
            deleteLink(doc, id)
            select(null)
          }}
        >
          {t('inspector.deleteLink')}
        </button>
      )}
    </>
  )
}
