import type { Phase } from '../../model'
import { phaseName } from '../../i18n/phaseNames'
import { useJourneyStore } from '../../store'
import { NotesAndComments } from './NotesAndComments'

/** A phase (before, during, after): its name in the map's language, annotations and comments. */
export function PhaseInspector({ phase }: { phase: Phase }) {
  const locale = useJourneyStore((s) => s.snapshot.meta.locale)
  return (
    <>
      <p className="lead">{phaseName(phase, locale)}</p>
      <NotesAndComments targetId={`phase:${phase}`} />
    </>
  )
}
