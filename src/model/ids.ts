/**
 * Ids carry their type (`touchpoint:V1StGXR8`) so a reference names what it points at, and they
 * are branded so a persona id cannot be passed where a stage id is expected.
 */
export type RecordType = 'persona' | 'stage' | 'touchpoint' | 'annotation' | 'link' | 'comment' | 'action' | 'promise' | 'service-priority' | 'feedback-set' | 'feedback-link' | 'quote' | 'blueprint-item'

declare const brand: unique symbol
export type Id<T extends RecordType> = `${T}:${string}` & { readonly [brand]: T }

export type PersonaId = Id<'persona'>
export type StageId = Id<'stage'>
export type TouchpointId = Id<'touchpoint'>
export type AnnotationId = Id<'annotation'>
export type LinkId = Id<'link'>
export type CommentId = Id<'comment'>
export type ActionId = Id<'action'>
export type PromiseId = Id<'promise'>
export type ServicePriorityId = Id<'service-priority'>
export type FeedbackSetId = Id<'feedback-set'>
export type FeedbackLinkId = Id<'feedback-link'>
export type QuoteId = Id<'quote'>
export type BlueprintItemId = Id<'blueprint-item'>

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A random id of the given type; 10 characters of base62 (~59 bits) is plenty for one map. */
export function createId<T extends RecordType>(type: T, random: () => number = secureRandom): Id<T> {
  let suffix = ''
  for (let i = 0; i < 10; i++) suffix += ALPHABET[Math.floor(random() * ALPHABET.length)]
  return `${type}:${suffix}` as Id<T>
}

export function isId<T extends RecordType>(type: T, value: unknown): value is Id<T> {
  // Without building `type + ':'`: a map's every record and reference is checked on opening.
  return typeof value === 'string' && value.length > type.length + 1 && value.charCodeAt(type.length) === COLON && value.startsWith(type)
}
const COLON = 58

function secureRandom(): number {
  const buf = new Uint32Array(1)
  globalThis.crypto.getRandomValues(buf)
  return buf[0] / 0x1_0000_0000
}
