import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const ID_LENGTH = 16

/** `map_` + 16 base62 characters (~95 bits): unguessable enough that an id alone reveals nothing. */
export const MAP_ID = /^map_[0-9A-Za-z]{16}$/

export function isMapId(value: string): boolean {
  return MAP_ID.test(value)
}

export function createMapId(): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  let id = 'map_'
  while (id.length < 4 + ID_LENGTH) {
    for (const byte of randomBytes(32)) {
      if (byte < 248 && id.length < 4 + ID_LENGTH) id += ALPHABET[byte % 62]
    }
  }
  return id
}
