/**
 * Greedy word wrapping against a width function, so text always stays inside its box: explicit
 * line breaks are kept, and a word wider than the box (a URL, a long compound noun such as
 * "kundeserviceafdelingen") is broken between characters rather than left to run off the card.
 */
export type MeasureText = (text: string) => number

export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/ +/).filter((w) => w !== '')
    if (words.length === 0) {
      lines.push('')
      continue
    }
    let line = ''
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`
      if (measure(candidate) <= maxWidth) {
        line = candidate
        continue
      }
      if (line !== '') lines.push(line)
      line = ''
      if (measure(word) <= maxWidth) {
        line = word
        continue
      }
      // Too wide on its own: break it by characters (code points, so surrogate pairs stay whole).
      let piece = ''
      for (const ch of word) {
        if (piece !== '' && measure(piece + ch) > maxWidth) {
          lines.push(piece)
          piece = ''
        }
        piece += ch
      }
      line = piece
    }
    lines.push(line)
  }
  // A trailing empty paragraph (text ending in "\n") adds nothing worth printing.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}
