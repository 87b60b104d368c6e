import { useEffect, useState } from 'react'
import { createSeat, listSeats, revokeSeat, shareUrl, type SeatLink } from '../../session'
import { useT } from '../../i18n/useT'
import { errorText } from '../../i18n/errorText'

/**
 * Named seats, for the facilitator: a link per person, made and revoked like the role links. In a
 * voting round kept to seats, each seat has one ballot however many devices open its link.
 */
export function SeatLinks({ mapId, token }: { mapId: string; token: string }) {
  const t = useT()
  const [seats, setSeats] = useState<SeatLink[] | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [copied, setCopied] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    listSeats(mapId, token)
      .then((list) => !cancelled && setSeats(list))
      .catch((e: unknown) => !cancelled && setError(errorText(t, e)))
    return () => {
      cancelled = true
    }
  }, [mapId, token])

  const add = async () => {
    const trimmed = name.trim()
    if (!trimmed) return
    try {
      const seat = await createSeat(mapId, token, trimmed)
      setSeats((list) => [...(list ?? []), seat])
      setName('')
      setError(null)
    } catch (e) {
      setError(errorText(t, e))
    }
  }
  const revoke = async (seat: SeatLink) => {
    try {
      const revoked = await revokeSeat(mapId, token, seat.id)
      setSeats((list) => (list ?? []).map((s) => (s.id === seat.id ? { ...revoked, token: undefined, url: undefined } : s)))
    } catch (e) {
      setError(errorText(t, e))
    }
  }

  return (
    <section className="seat-links" aria-labelledby="seats-title">
      <h3 id="seats-title">{t('seats.title')}</h3>
      <p className="muted small">{t('seats.help')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {seats?.length === 0 && <p className="muted small">{t('seats.none')}</p>}
      <ul className="share-links">
        {(seats ?? []).map((seat) => {
          const url = seat.token ? shareUrl(mapId, seat.token) : ''
          return (
            <li key={seat.id} data-testid="seat">
              <label htmlFor={`seat-${seat.id}`}>{seat.name}</label>
              <div className="field-inline">
                <input id={`seat-${seat.id}`} readOnly value={seat.revokedAt ? t('seats.revoked') : url} onFocus={(e) => e.target.select()} />
                {!seat.revokedAt && (
                  <>
                    <button
                      type="button"
                      aria-label={t('seats.copyLabel', { name: seat.name })}
                      onClick={async () => {
                        await navigator.clipboard?.writeText(url).catch(() => undefined)
                        setCopied(seat.id)
                      }}
                    >
                      {copied === seat.id ? t('share.copied') : t('share.copy')}
                    </button>
                    <button type="button" aria-label={t('seats.revokeLabel', { name: seat.name })} onClick={() => void revoke(seat)}>
                      {t('seats.revoke')}
                    </button>
                  </>
                )}
              </div>
            </li>
          )
        })}
      </ul>
      <form
        className="field-inline"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <input aria-label={t('seats.name')} placeholder={t('seats.name')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          {t('seats.add')}
        </button>
      </form>
    </section>
  )
}
