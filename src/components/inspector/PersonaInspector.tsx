import { deletePersona, movePersona, updatePersona } from '../../commands'
import { sortedPersonas, type Persona, type Snapshot } from '../../model'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { TextField } from '../../fields/fields'
import { NotesAndComments } from './NotesAndComments'
import { DeleteRecordButton, MoveButtons } from './RecordButtons'

/** A persona (a swimlane): name, description, colour, its place among the lanes. */
export function PersonaInspector({ persona, snapshot }: { persona: Persona; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
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
      {!readOnly && <MoveButtons index={index} count={ordered.length} labels={[t('common.moveUp'), t('common.moveDown')]} onMove={(to) => movePersona(doc, persona.id, to)} />}
      <NotesAndComments targetId={persona.id} />
      {!readOnly && <DeleteRecordButton label={t('inspector.deletePersona')} confirmText={t('inspector.confirmDeletePersona', { name: persona.name || t('inspector.thisPersona') })} onDelete={() => deletePersona(doc, persona.id)} />}
    </>
  )
}
