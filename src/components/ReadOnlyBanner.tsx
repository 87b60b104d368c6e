import { useT } from '../i18n/useT'
import { useJourneyStore } from '../store'

/** Says why the map cannot be edited, when it cannot. */
export function ReadOnlyBanner() {
  const role = useJourneyStore((s) => s.role)
  const reason = useJourneyStore((s) => s.readOnlyReason)
  const locked = useJourneyStore((s) => s.workshop.locked)
  const t = useT()
  const text =
    reason ??
    (role === 'viewer'
      ? t('banner.viewer')
      : locked
        ? role === 'facilitator'
          ? t('banner.lockedFacilitator')
          : t('banner.locked')
        : null)
  if (!text) return null
  return (
    <div className={`banner${locked ? ' is-locked' : ''}`} role="status">
      {text}
    </div>
  )
}
