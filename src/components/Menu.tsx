/**
 * The one menu button of the app (WAI-ARIA menu button pattern): the button says it has a menu and
 * whether it is open; opening focuses the first item; arrows, Home and End move between items;
 * Escape closes and returns focus to the button; Tab or a click outside closes it. Every menu
 * (export, add stage) is this component, so they all behave alike.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export interface MenuItem {
  id: string
  label: string
  onSelect(): void
  disabled?: boolean
  /** False when choosing it opens something that takes focus itself (a dialog). */
  refocus?: false
}

export function Menu({
  label,
  menuLabel,
  items,
  disabled,
  className = 'menu-wrap',
  listClassName = 'menu',
  itemClassName,
  children,
}: {
  /** The button's text. */
  label: ReactNode
  /** The menu's accessible name. */
  menuLabel: string
  items: MenuItem[]
  disabled?: boolean
  className?: string
  listClassName?: string
  itemClassName?: string
  /** Shown beside the button (status, errors). */
  children?: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([])
  const menuId = useId()

  // Close when a click lands outside the menu.
  useEffect(() => {
    if (!open) return
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !wrapRef.current?.contains(e.target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  useEffect(() => {
    if (open) itemRefs.current.find((el) => el && !el.disabled)?.focus()
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }

  const onMenuKeyDown = (e: KeyboardEvent) => {
    const enabled = itemRefs.current.filter((el): el is HTMLButtonElement => el !== null && !el.disabled)
    const index = enabled.findIndex((el) => el === document.activeElement)
    const focus = (i: number) => enabled[(i + enabled.length) % enabled.length]?.focus()
    if (e.key === 'ArrowDown') focus(index + 1)
    else if (e.key === 'ArrowUp') focus(index - 1)
    else if (e.key === 'Home') focus(0)
    else if (e.key === 'End') focus(enabled.length - 1)
    else if (e.key === 'Escape') close(true)
    else if (e.key === 'Tab') close(false)
    else return
    e.preventDefault()
    // The canvas listens for arrows and Escape on window (card navigation, deselect); a key the menu
    // handled must not also move the canvas selection and pull focus out of the menu.
    e.stopPropagation()
  }

  return (
    <div className={className} ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            e.stopPropagation()
            setOpen(true)
          }
        }}
      >
        {label}
      </button>
      {open && (
        <ul className={listClassName} role="menu" id={menuId} aria-label={menuLabel} onKeyDown={onMenuKeyDown}>
          {items.map((item, i) => (
            <li key={item.id} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[i] = el
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={itemClassName}
                disabled={item.disabled}
                onClick={() => {
                  close(item.refocus !== false)
                  item.onSelect()
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  )
}
