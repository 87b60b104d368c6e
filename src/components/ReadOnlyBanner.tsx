import { useT } from '../i18n/useT'
import { useJourneyStore, type Refusal } from '../store'
import { useMapSession } from '../session/MapSessionContext'

/** Says why the map cannot be edited, when it cannot, and what to do about it. */
export function ReadOnlyBanner() {
  const role = useJourneyStore((s) => s.role)
  const reason = useJourneyStore((s) => s.readOnlyReason)
  const locked = useJourneyStore((s) => s.workshop.locked)
  const refusal = useJourneyStore((s) => (s.status === 'refused' ? s.refusal : null))
  const held = useJourneyStore((s) => (s.held ? s.unsynced : 0))
  const t = useT()
  if (refusal) return <RefusedBanner refusal={refusal} />
  const text =
    reason ??
    (role === 'viewer'
      ? t('banner.viewer')
      : locked
        ? role === 'facilitator'
          ? t('banner.lockedFacilitator')
          : t('banner.locked')
        : null)
  return (
    <>
      {text && (
        <div className={`banner${locked ? ' is-locked' : ''}`} role="status">
          {text}
        </div>
      )}
      {held > 0 && (
        <div className="banner is-held" role="status" data-testid="held-banner">
          {t.plural('banner.held', held)}
        </div>
      )}
    </>
  )
}

const EXPLAIN = { revoked: 'refusal.revoked', link: 'refusal.linkRejected', schema: 'refusal.schema', forbidden: 'refusal.forbidden', malformed: 'refusal.malformed', missing: 'refusal.missing' } as const

/**
 * The relay refused this participant for good. A revoked or expired link needs a new link from
 * the facilitator; a refused write needs this browser's copy dropped, or reloading would send the
 * same write again; an unreadable message may be a passing fault that a reload clears.
 */
function RefusedBanner({ refusal }: { refusal: Refusal }) {
  const session = useMapSession()
  const unsynced = useJourneyStore((s) => s.unsynced)
  const t = useT()
  const fromServer = refusal === 'schema' || refusal === 'forbidden'
  return (
    <div className="banner is-refused" role="alert" data-testid="refused-banner">
      <p>
        {t(EXPLAIN[refusal])}
        {unsynced > 0 && <> {t.plural('refusal.unsaved', unsynced)}</>}
      </p>
      {refusal === 'missing' && <a href="/">{t('home.recentMaps')}</a>}
      {refusal === 'malformed' && (
        <button type="button" onClick={() => location.reload()}>
          {t('common.reload')}
        </button>
      )}
      {fromServer && (
        <button type="button" onClick={() => void session.discardLocalCopy().then(() => location.reload())}>
          {t('refusal.reloadFromServer')}
        </button>
      )}
    </div>
  )
}
