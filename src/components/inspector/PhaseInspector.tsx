import type { Phase, Snapshot } from '../../model'
import { phaseName } from '../../i18n/phaseNames'
import { NotesAndComments } from './NotesAndComments'

/** A phase (before, during, after): its name in the map's language, annotations and comments. */
export function PhaseInspector({ phase, snapshot }: { phase: Phase; snapshot: Snapshot }) {
  return (
    <>
      <p className="lead">{phaseName(phase, snapshot.meta.locale)}</p>
      <NotesAndComments targetId={`phase:${phase}`} />
    </>
  )
}
