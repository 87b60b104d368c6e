/**
 * "Paste Mermaid journey…" on the home page: a Mermaid journey copied out of a README, a wiki page
 * or a chat becomes a new map without saving it as a file first. The Mermaid reader loads when
 * the text is first read (MermaidPasteDialog), so the first page's JavaScript stays within its budget.
 */
import { useState } from 'react'
import type { Snapshot } from '../model'
import { useT } from '../i18n/useT'
import MermaidPasteDialog from './MermaidPasteDialog'

export function MermaidPasteButton({ onImported, disabled }: { onImported: (snapshot: Snapshot, name: string) => void; disabled?: boolean }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [opened, setOpened] = useState(false)
  return (
    <>
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          setOpen(true)
          setOpened(true)
        }}
      >
        {t('import.mermaidPaste')}
      </button>
      {/* Mounted from the first press on, so a closed dialog keeps what was pasted. */}
      {opened && <MermaidPasteDialog open={open} onClose={() => setOpen(false)} onImported={onImported} />}
    </>
  )
}
