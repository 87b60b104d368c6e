import { deleteStage, moveStage, renameStage } from '../../commands'
import { PHASES, stagesInPhase, type Snapshot, type Stage } from '../../model'
import { phaseName } from '../../i18n/phaseNames'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { TextField } from '../../fields/fields'
import { NotesAndComments } from './NotesAndComments'
import { DeleteRecordButton, MoveButtons } from './RecordButtons'

/** A stage (a column): title, phase, its place among the phase's stages. */
export function StageInspector({ stage, snapshot }: { stage: Stage; snapshot: Snapshot }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  const siblings = stagesInPhase(snapshot, stage.phase)
  const index = siblings.findIndex((s) => s.id === stage.id)
  return (
    <>
      <TextField label={t('inspector.stageTitle')} value={stage.title} editKey={{ id: stage.id, field: 'title' }} disabled={readOnly} onCommit={(title) => renameStage(doc, stage.id, title)} />
      <div className="field">
        <label htmlFor={`phase-${stage.id}`}>{t('common.phase')}</label>
        <select id={`phase-${stage.id}`} value={stage.phase} disabled={readOnly} onChange={(e) => {
            const phase = PHASES.find((p) => p === e.target.value)
            if (phase) moveStage(doc, stage.id, { phase, index: Number.MAX_SAFE_INTEGER })
          }}>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {phaseName(p, snapshot.meta.locale)}
            </option>
          ))}
        </select>
      </div>
      {!readOnly && <MoveButtons index={index} count={siblings.length} labels={[t('common.moveLeft'), t('common.moveRight')]} onMove={(to) => moveStage(doc, stage.id, { phase: stage.phase, index: to })} />}
      <NotesAndComments targetId={stage.id} />
      {!readOnly && <DeleteRecordButton label={t('inspector.deleteStage')} confirmText={t('inspector.confirmDeleteStage', { title: stage.title || '' })} onDelete={() => deleteStage(doc, stage.id)} />}
    </>
  )
}
