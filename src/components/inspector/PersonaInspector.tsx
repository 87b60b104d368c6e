import { deletePersona, movePersona, updatePersona } from '../../commands'
import { sortedPersonas, type PersonaId } from '../../model'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { TextField } from '../../fields/fields'
import { NotesAndComments } from './NotesAndComments'
import { DeleteRecordButton, MoveButtons } from './RecordButtons'

/** A persona (a swimlane): name, description, colour, its place among the lanes. */
export function PersonaInspector({ id }: { id: PersonaId }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  const persona = useJourneyStore((s) => s.snapshot.personas[id])
  const index = useJourneyStore((s) => sortedPersonas(s.snapshot).findIndex((p) => p.id === id))
  const count = useJourneyStore((s) => Object.keys(s.snapshot.personas).length)
  if (!persona) return null
  return (
    <>
      <TextField label={t('common.name')} value={persona.name} editKey={{ id: persona.id, field: 'name' }} disabled={readOnly} onCommit={(name) => updatePersona(doc, persona.id, { name })} />
      <TextField label={t('common.description')} multiline maxLength={20000} value={persona.description} editKey={{ id: persona.id, field: 'description' }} disabled={readOnly} placeholder={t('inspector.personaPlaceholder')} onCommit={(description) => updatePersona(doc, persona.id, { description })} />
      <div className="field">
        <label htmlFor={`color-${persona.id}`}>{t('inspector.colour')}</label>
        <input id={`color-${persona.id}`} type="color" value={persona.color} disabled={readOnly} onChange={(e) => updatePersona(doc, persona.id, { color: e.target.value })} />
      </div>
      {!readOnly && <MoveButtons index={index} count={count} labels={[t('common.moveUp'), t('common.moveDown')]} onMove={(to) => movePersona(doc, persona.id, to)} />}
      <NotesAndComments targetId={persona.id} />
      {!readOnly && <DeleteRecordButton label={t('inspector.deletePersona')} confirmText={t('inspector.confirmDeletePersona', { name: persona.name || t('inspector.thisPersona') })} onDelete={() => deletePersona(doc, persona.id)} />}
    </>
  )
}
