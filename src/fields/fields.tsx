/**
 * Inputs that commit on blur or Enter (one command, one undo step) rather than per keystroke.
 * They write only what the user typed, follow colleagues' changes until the user types, show who
 * else is typing in the same field, and offer a colleague's change that lands mid-edit instead of
 * losing either side (see fieldDraft.ts).
 */
import { useId, useRef, type ReactNode } from 'react'
import { useT } from '../i18n/useT'
import { useSharedDraft, type EditKey, type PeerMark } from './useSharedDraft'

interface TextFieldProps {
  label: string
  value: string
  onCommit(value: string): void
  multiline?: boolean
  maxLength?: number
  disabled?: boolean
  list?: string
  placeholder?: string
  hideLabel?: boolean
  /** The record field this input edits, shared in presence while it has focus. */
  editKey?: EditKey
}

export function TextField({ label, value, onCommit, multiline, maxLength = 500, disabled, list, placeholder, hideLabel, editKey }: TextFieldProps) {
  const id = useId()
  const offerRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const field = useSharedDraft(value, { onCommit, editKey, disabled, offerRef })
  const common = {
    id,
    ref: inputRef,
    value: field.draft,
    maxLength,
    disabled,
    placeholder,
    onFocus: field.onFocus,
    onBlur: field.onBlur,
    onChange: field.onChange,
  }
  return (
    <div className={`field${field.peer ? ' is-peer-editing' : ''}`} style={field.peer ? { ['--peer' as string]: field.peer.color } : undefined}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {field.peer && <PeerEditingMark peer={field.peer} />}
      {multiline ? (
        <textarea {...common} rows={3} onKeyDown={(e) => field.onKeyDown(e, { enterCommits: false })} />
      ) : (
        <input {...common} list={list} onKeyDown={(e) => field.onKeyDown(e, { enterCommits: true })} />
      )}
      {field.theirs !== null && (
        <TheirChange
          ref={offerRef}
          theirs={field.theirs}
          by={field.theirsBy}
          onTake={() => {
            field.takeTheirs()
            inputRef.current?.focus()
          }}
        />
      )}
      {disabled && field.unsaved && <KeptWhileReadOnly />}
    </div>
  )
}

/** "Åse is editing", beside a field a colleague is typing in. */
export function PeerEditingMark({ peer }: { peer: PeerMark }) {
  const t = useT()
  return (
    <span className="peer-editing" style={{ ['--peer' as string]: peer.color }} data-testid="peer-editing">
      {t('field.peerEditing', { name: peer.name })}
    </span>
  )
}

/** A colleague's change that landed while the user was typing: theirs, and one click to take it. */
export function TheirChange({ theirs, by, onTake, ref }: { theirs: string; by: string | null; onTake(): void; ref?: React.Ref<HTMLDivElement> }) {
  const t = useT()
  return (
    <div className="their-change" role="status" ref={ref} data-testid="their-change">
      <p>
        {by ? t('field.changedBy', { name: by }) : t('field.changedBySomeone')} <q>{theirs.length > 140 ? `${theirs.slice(0, 140)}…` : theirs}</q>
      </p>
      <div className="their-change-actions">
        {/* Pressing the button must not blur the input first: that would commit the draft over theirs. */}
        <button type="button" className="small-button" onMouseDown={(e) => e.preventDefault()} onClick={onTake}>
          {t('field.useTheirs')}
        </button>
        <span className="muted small">{t('field.orKeepYours')}</span>
      </div>
    </div>
  )
}

/** The user's text that could not be written because the map turned read-only mid-edit. */
function KeptWhileReadOnly() {
  const t = useT()
  return <p className="field-kept small">{t('field.keptWhileReadOnly')}</p>
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId()
  return (
    <section className="panel-section" aria-labelledby={id}>
      <header>
        <h3 id={id}>{title}</h3>
        {actions}
      </header>
      {children}
    </section>
  )
}
