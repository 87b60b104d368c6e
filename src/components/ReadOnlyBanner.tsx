import { useJourneyStore } from '../store'

/** Says why the map cannot be edited, when it cannot. */
export function ReadOnlyBanner() {
  const role = useJourneyStore((s) => s.role)
  const reason = useJourneyStore((s) => s.readOnlyReason)
  const locked = useJourneyStore((s) => s.workshop.locked)
  const text =
    reason ??
    (role === 'viewer'
      ? 'View only: you have a viewer link, so you can follow along but not edit.'
      : locked
        ? role === 'facilitator'
          ? 'The map is locked: only facilitators can edit it now.'
          : 'The facilitator has locked the map: you can look, but not edit, until it is unlocked.'
        : null)
  if (!text) return null
  return (
    <div className={`banner${locked ? ' is-locked' : ''}`} role="status">
      {text}
    </div>
  )
}
