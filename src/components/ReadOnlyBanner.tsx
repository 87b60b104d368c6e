import { useJourneyStore } from '../store'

/** Says why the map cannot be edited, when it cannot. */
export function ReadOnlyBanner() {
  const role = useJourneyStore((s) => s.role)
  const reason = useJourneyStore((s) => s.readOnlyReason)
  if (!reason && role !== 'viewer') return null
  return (
    <div className="banner" role="status">
      {reason ?? 'View only: you have a viewer link, so you can follow along but not edit.'}
    </div>
  )
}
