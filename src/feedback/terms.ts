/**
 * What customers keep saying: the recurring words and two-word phrases in comments, per stage or
 * touchpoint, each with the responses that use it (so the comments are one click away).
 *
 * Stop words come from the maintained `stopword` lists for English, Danish, Swedish and
 * Norwegian Bokmål, all four at once: a Danish map gets English comments too, and a word that is
 * a stop word in one of these languages carries little meaning in the others. A phrase is two
 * adjacent words of one sentence, neither a stop word. Terms are counted once per comment
 * (document frequency), so one long rant does not make a theme.
 */
import { dan, eng, nob, swe } from 'stopword'

const STOP = new Set<string>([...eng, ...dan, ...swe, ...nob].map((w) => w.toLocaleLowerCase()))
/** Words the lists lack that survey comments are full of. */
for (const w of ['get', 'got', 'also', 'just', 'really', 'bare', 'lige', 'også', 'også', 'très', 'ok', 'okay']) STOP.add(w)

export function isStopWord(word: string): boolean {
  return STOP.has(word)
}

/** Sentences of lower-case words (letters and digits of any script; æ ø å ä ö stay). */
export function sentencesOf(text: string): string[][] {
  return text
    .toLocaleLowerCase()
    .normalize('NFC')
    .split(/[.!?;:,\n\r()"“”«»—–]+|\s-\s/u)
    .map((s) => s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .filter((s) => s.length > 0)
}

function meaningful(word: string): boolean {
  return word.length > 1 && !STOP.has(word) && !/^\p{N}+$/u.test(word)
}

/** The distinct terms (words and two-word phrases) of one comment. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>()
  for (const sentence of sentencesOf(text)) {
    for (let i = 0; i < sentence.length; i++) {
      const w = sentence[i]
      if (!meaningful(w)) continue
      terms.add(w)
      const next = sentence[i + 1]
      if (next !== undefined && meaningful(next)) terms.add(`${w} ${next}`)
    }
  }
  return terms
}

export interface Term {
  term: string
  /** How many comments use it. */
  count: number
  /** Those comments: indexes into the list given. */
  responses: number[]
  phrase: boolean
}

/**
 * The terms used by at least `minCount` comments, most used first; a phrase before its words on
 * a tie (it says more). A word is left out when a phrase of it covers all its comments.
 */
export function recurringTerms(comments: readonly string[], options: { minCount?: number; limit?: number } = {}): Term[] {
  const minCount = options.minCount ?? 2
  const byTerm = new Map<string, number[]>()
  comments.forEach((comment, i) => {
    if (!comment) return
    for (const t of termsOf(comment)) {
      let list = byTerm.get(t)
      if (!list) byTerm.set(t, (list = []))
      list.push(i)
    }
  })
  const terms: Term[] = []
  for (const [term, responses] of byTerm) if (responses.length >= minCount) terms.push({ term, count: responses.length, responses, phrase: term.includes(' ') })
  const phrases = terms.filter((t) => t.phrase)
  const covered = (word: Term) => phrases.some((p) => p.count === word.count && p.term.split(' ').includes(word.term))
  return terms
    .filter((t) => t.phrase || !covered(t))
    .sort((a, b) => b.count - a.count || Number(b.phrase) - Number(a.phrase) || a.term.localeCompare(b.term))
    .slice(0, options.limit ?? 15)
}
