/**
 * Which characters a TrueType font can draw, read from its `cmap` table.
 *
 * jsPDF encodes text for an Identity-H font one UTF-16 code unit at a time, and when a code unit
 * has no glyph it silently stops writing the rest of the string (`pdfEscape16` returns early on
 * glyph 0). So before any text reaches jsPDF we must know, per character, whether the font has it:
 * that is this table. Only the Basic Multilingual Plane matters, because jsPDF cannot address
 * glyphs beyond it (its ToUnicode map is four hex digits wide): an emoji is never printable.
 */

/** One bit per BMP code point: set when the font maps it to a real glyph. */
export interface FontCoverage {
  has(codePoint: number): boolean
}

export function readFontCoverage(ttf: Uint8Array): FontCoverage {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength)
  const cmap = findTable(view, 'cmap')
  if (cmap === undefined) throw new Error('font has no cmap table')
  const subtable = findUnicodeBmpSubtable(view, cmap)
  if (subtable === undefined) throw new Error('font has no Unicode BMP (format 4) cmap subtable')
  const bits = readFormat4(view, subtable)
  return { has: (cp) => cp >= 0 && cp <= 0xffff && (bits[cp >> 3] & (1 << (cp & 7))) !== 0 }
}

function findTable(view: DataView, tag: string): number | undefined {
  const numTables = view.getUint16(4)
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3))
    if (name === tag) return view.getUint32(record + 8)
  }
  return undefined
}

/** Windows Unicode BMP (3,1) is what every desktop font carries; Unicode platform (0,3) is the same table. */
function findUnicodeBmpSubtable(view: DataView, cmap: number): number | undefined {
  const count = view.getUint16(cmap + 2)
  let fallback: number | undefined
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8)
    const encoding = view.getUint16(cmap + 6 + i * 8)
    const offset = cmap + view.getUint32(cmap + 8 + i * 8)
    if (view.getUint16(offset) !== 4) continue
    if (platform === 3 && encoding === 1) return offset
    if (platform === 0) fallback ??= offset
  }
  return fallback
}

/** Format 4: segments of code points, each mapped by a delta or through a glyph id array. */
function readFormat4(view: DataView, table: number): Uint8Array {
  const bits = new Uint8Array(0x10000 / 8)
  const segCount = view.getUint16(table + 6) / 2
  const endCodes = table + 14
  const startCodes = endCodes + segCount * 2 + 2
  const idDeltas = startCodes + segCount * 2
  const idRangeOffsets = idDeltas + segCount * 2
  for (let s = 0; s < segCount; s++) {
    const start = view.getUint16(startCodes + s * 2)
    const end = view.getUint16(endCodes + s * 2)
    const delta = view.getInt16(idDeltas + s * 2)
    const rangeOffsetAt = idRangeOffsets + s * 2
    const rangeOffset = view.getUint16(rangeOffsetAt)
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff
      else {
        const g = view.getUint16(rangeOffsetAt + rangeOffset + (c - start) * 2)
        glyph = g === 0 ? 0 : (g + delta) & 0xffff
      }
      if (glyph !== 0) bits[c >> 3] |= 1 << (c & 7)
    }
  }
  return bits
}
