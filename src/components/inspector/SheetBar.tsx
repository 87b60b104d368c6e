import { useRef, type PointerEvent } from 'react'
import { useT } from '../../i18n/useT'
import { useJourneyStore, type JourneyState } from '../../store'

const selectSelect = (s: JourneyState) => s.select
/** How far down a finger drags the sheet's handle to close it, in CSS px. */
const SWIPE_CLOSE = 60

/**
 * The top of the inspector when it is a phone's bottom sheet (app.css shows it only there): a
 * handle that closes the sheet when swiped down, and ×. Closing clears the selection, which is
 * what opened the sheet (a tap on a card).
 */
export function SheetBar() {
  const select = useJourneyStore(selectSelect)
  const t = useT()
  const start = useRef<number | null>(null)
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    start.current = e.clientY
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (start.current !== null && e.clientY - start.current > SWIPE_CLOSE) select(null)
    start.current = null
  }
  return (
    <div className="sheet-bar">
      <div className="sheet-handle" aria-hidden="true" onPointerDown={onPointerDown} onPointerUp={onPointerUp} onPointerCancel={() => (start.current = null)}>
        <span />
      </div>
      <button type="button" className="sheet-close" aria-label={t('sheet.close')} onClick={() => select(null)}>
        ×
      </button>
    </div>
  )
}
