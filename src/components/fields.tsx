/**
 * Inputs that commit on blur or Enter (one command, one undo step) rather than per keystroke,
 * and that follow remote changes while the user is not typing in them.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

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
}

export function TextField({ label, value, onCommit, multiline, maxLength = 500, disabled, list, placeholder, hideLabel }: TextFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const focused = useRef(false)
  useEffect(() => {
    if (!focused.current) setDraft(value)
  }, [value])
  const commit = () => {
    if (draft !== value) onCommit(draft)
  }
  const common = {
    id,
    value: draft,
    maxLength,
    disabled,
    placeholder,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false
      commit()
    },
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
  }
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onKeyDown={(e) => e.key === 'Escape' && setDraft(value)} />
      ) : (
        <input
          {...common}
          list={list}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur()
            if (e.key === 'Escape') setDraft(value)
          }}
        />
      )}
    </div>
  )
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
