/**
 * A download's file name from the map title: letters of every language stay (æ ø å ä ö), the
 * characters Windows, macOS or a shell refuse in a name (/ \ : * ? " < > |) and control characters
 * become "-", and an empty or dots-only title falls back to a neutral name.
 */
export function fileBaseName(title: string, fallback = 'journey-map'): string {
  const cleaned = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
  // Keep well under the 255-byte limit of common file systems, counting whole code points.
  const short = [...cleaned].slice(0, 120).join('').trim()
  return short === '' ? fallback : short
}
