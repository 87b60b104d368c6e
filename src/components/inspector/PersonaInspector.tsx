import { deletePersona, movePersona, updatePersona } from '../../commands'
import { sortedPersonas, type Persona, type Snapshot } from '../../model'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { TextField } from '../fields'
import { NotesAndComments } from './NotesAndComments'

/** A persona (a swimlane): name, description, colour, its place among the lanes. */
export function PersonaInspector({ persona, snapshot }: { persona: Persona; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const select = useJourneyStore((s) => s.select)
  const t = useT()
  const ordered = sortedPersonas(snapshot)
  const index = ordered.findIndex((p) => p.id === persona.id)
  return (
    <>
      <TextField label={t('common.name')} value={persona.name} editKey={{ id: persona.id, field: 'name' }} disabled={readOnly} onCommit={(name) => updatePersona(doc, persona.id, { name })} />
      <TextField label={t('common.description')} multiline maxLength={20000} value={persona.description} editKey={{ id: persona.id, field: 'description' }} disabled={readOnly} placeholder={t('inspector.personaPlaceholder')} onCommit={(description) => updatePersona(doc, persona.id, { description })} />
      <div className="field">
        <label htmlFor={`color-${persona.id}`}>{t('inspector.colour')}</label>
        <input id={`color-${persona.id}`} type="color" value={persona.color} disabled={readOnly} onChange={(e) => updatePersona(doc, persona.id, { color: e.target.value })} />
      </div>
      {!readOnly && (
        <div className="button-row">
          <button type="button" disabled={index <= 0} onClick={() => movePersona(doc, persona.id, index - 1)}>
            {t('common.moveUp')}
          </button>
          <button type="button" disabled={index >= ordered.length - 1} onClick={() => movePersona(doc, persona.id, index + 1)}>
            {t('common.moveDown')}
          </button>
        </div>
      )}
      <NotesAndComments targetId={persona.id} />
      {!readOnly && (
        <button
          type="button"
          className="danger wide"
          onClick={() => {
            if (confirm(t('inspector.confirmDeletePersona', { name: persona.name || t('inspector.thisPersona') }))) {
              deletePersona(doc, persona.id)
              select(null)
            }
          }}
        >
          {t('inspector.deletePersona')}
        </button>
      )}
    </>
  )
}
