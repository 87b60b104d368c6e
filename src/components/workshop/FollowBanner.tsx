import { useJourneyStore } from '../../store'
import { selectLeader } from '../../canvas/useFollow'
import { useT } from '../../i18n/useT'

/** Says whose view this participant follows, and offers to stop (unless it is a spotlight). */
export function FollowBanner() {
  const leaderId = useJourneyStore(selectLeader)
  const leader = useJourneyStore((s) => s.peers.find((p) => p.clientId === leaderId))
  const voluntary = useJourneyStore((s) => s.following !== null && s.following === leaderId)
  const follow = useJourneyStore((s) => s.follow)
  const t = useT()
  if (leaderId === null || !leader) return null
  return (
    <div className="banner follow-banner" role="status" style={{ borderColor: leader.color }}>
      {voluntary ? (
        <>
          {t('banner.following', { name: leader.name })}{' '}
          <button type="button" className="link-button" onClick={() => follow(null)}>
            {t('banner.stopFollowing')}
          </button>
        </>
      ) : (
        <>{t('banner.spotlight', { name: leader.name })}</>
      )}
    </div>
  )
}
