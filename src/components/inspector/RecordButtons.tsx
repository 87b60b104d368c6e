/** Buttons every record's inspector has: delete (with a confirmation where it takes more with it) and move. */
import { useJourneyStore, type JourneyState } from '../../store'

const selectSelect = (s: JourneyState) => s.select

/** Deletes the selected record and clears the selection; asks first when `confirmText` is given. */
export function DeleteRecordButton({ label, confirmText, onDelete }: { label: string; confirmText?: string; onDelete(): void }) {
  const select = useJourneyStore(selectSelect)
  return (
    <button
      type="button"
      className="danger wide"
      onClick={() => {
        if (confirmText !== undefined && !confirm(confirmText)) return
        onDelete()
        select(null)
      }}
    >
      {label}
    </button>
  )
}

/** Earlier / later among its siblings: up and down for lanes, left and right for columns. */
export function MoveButtons({ index, count, labels, onMove }: { index: number; count: number; labels: [earlier: string, later: string]; onMove(index: number): void }) {
  return (
    <div className="button-row">
      <button type="button" disabled={index <= 0} onClick={() => onMove(index - 1)}>
        {labels[0]}
      </button>
      <button type="button" disabled={index >= count - 1} onClick={() => onMove(index + 1)}>
        {labels[1]}
      </button>
    </div>
  )
}
