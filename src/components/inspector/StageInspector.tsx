import { deleteStage, moveStage, renameStage } from '../../commands'
import { PHASES, stagesInPhase, type StageId } from '../../model'
import { phaseName } from '../../i18n/phaseNames'
import { useT } from '../../i18n/useT'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { TextField } from '../../fields/fields'
import { NotesAndComments } from './NotesAndComments'
import { DeleteRecordButton, MoveButtons } from './RecordButtons'

/** A stage (a column): title, phase, its place among the phase's stages. */
export function StageInspector({ id }: { id: StageId }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  const stage = useJourneyStore((s) => s.snapshot.stages[id])
  const locale = useJourneyStore((s) => s.snapshot.meta.locale)
  // Its place among the phase's stages, as two numbers: moving another stage elsewhere changes neither.
  const index = useJourneyStore((s) => (stage ? stagesInPhase(s.snapshot, stage.phase).findIndex((x) => x.id === id) : -1))
  const count = useJourneyStore((s) => (stage ? stagesInPhase(s.snapshot, stage.phase).length : 0))
  if (!stage) return null
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
              {phaseName(p, locale)}
            </option>
          ))}
        </select>
      </div>
      {!readOnly && <MoveButtons index={index} count={count} labels={[t('common.moveLeft'), t('common.moveRight')]} onMove={(to) => moveStage(doc, stage.id, { phase: stage.phase, index: to })} />}
      <NotesAndComments targetId={stage.id} />
      {!readOnly && <DeleteRecordButton label={t('inspector.deleteStage')} confirmText={t('inspector.confirmDeleteStage', { title: stage.title || '' })} onDelete={() => deleteStage(doc, stage.id)} />}
    </>
  )
}
