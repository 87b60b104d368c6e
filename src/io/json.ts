/**
 * JSON export and import (DESIGN.md contract 4). The format itself lives in model/journeyJson.ts;
 * this file adds what touches files: bytes in, bytes out, and applying an import to a new map.
 */
import { MAX_IMPORT_BYTES, parseJourneyJson, stringifyJourneyJson, type ParseResult, type Snapshot } from '../model'
import { isEmptyDoc, type MapDoc } from '../doc'
import { loadIntoEmptyMap } from '../commands'

export const JSON_MIME = 'application/json'

export function journeyJsonBlob(snapshot: Snapshot): Blob {
  return new Blob([stringifyJourneyJson(snapshot)], { type: `${JSON_MIME};charset=utf-8` })
}

/**
 * Bytes of a file as text. UTF-8 with or without a byte order mark (Windows Notepad adds one), and
 * UTF-16 when a byte order mark says so (what "Unicode" means in some Windows editors). Bytes that
 * are not valid UTF-8 are refused rather than turned into replacement characters that would then
 * be imported as if the user had typed them.
 */
export function decodeImportBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  let encoding = 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le'
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be'
  try {
    // TextDecoder drops the byte order mark of its own encoding (ignoreBOM defaults to false).
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, message: `the file is not ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} text` }
  }
}

/** Restore → migrate → validate raw bytes; never throws. */
export function parseImportBytes(bytes: Uint8Array): ParseResult {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [{ path: '$', message: `file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }] }
  }
  const decoded = decodeImportBytes(bytes)
  if (!decoded.ok) return { ok: false, errors: [{ path: '$', message: decoded.message }] }
  return parseJourneyJson(decoded.text)
}

/** Read a file the user picked. The size is checked before reading, so a huge file costs nothing. */
export async function readJourneyFile(file: Blob): Promise<ParseResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [{ path: '$', message: `file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }] }
  }
  let buffer: ArrayBuffer
  try {
    buffer = await file.arrayBuffer()
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `the file could not be read (${(e as Error).message})` }] }
  }
  return parseImportBytes(new Uint8Array(buffer))
}

/**
 * Import into a new, empty document: all or nothing. The file is fully validated before the single
 * transaction that writes it, so a document given an invalid file stays exactly as it was.
 */
export function importJourneyIntoDoc(doc: MapDoc, input: string | Uint8Array): ParseResult {
  const result = typeof input === 'string' ? parseJourneyJson(input) : parseImportBytes(input)
  if (!result.ok) return result
  if (!isEmptyDoc(doc)) return { ok: false, errors: [{ path: '$', message: 'an import creates a new map; this document is not empty' }] }
  loadIntoEmptyMap(doc, result.snapshot)
  return result
}
