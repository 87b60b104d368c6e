import { selectPeople, useJourneyStore } from '../store'

/** Comment text with `@name` mentions of people in the map (and of oneself) highlighted. */
export function MentionText({ text }: { text: string }) {
  const self = useJourneyStore((s) => s.self.name)
  const peers = useJourneyStore(selectPeople)
  const names = [self, ...peers.map((p) => p.name)].filter(Boolean).sort((a, b) => b.length - a.length)
  if (names.length === 0 || !text.includes('@')) return <>{text}</>
  const pattern = new RegExp(`@(${names.map(escapeRegExp).join('|')})`, 'gu')
  const parts: React.ReactNode[] = []
  let last = 0
  for (const m of text.matchAll(pattern)) {
    parts.push(text.slice(last, m.index))
    parts.push(
      <mark key={m.index} className={m[1] === self ? 'mention is-me' : 'mention'}>
        @{m[1]}
      </mark>,
    )
    last = m.index! + m[0].length
  }
  parts.push(text.slice(last))
  return <>{parts}</>
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function mentions(text: string, name: string): boolean {
  return !!name && new RegExp(`@${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'u').test(text)
}
