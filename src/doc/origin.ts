/**
 * The origin of every transaction a local command makes. The undo manager tracks only this
 * origin, so undo never reverts a colleague's edit, and the sync provider (whose origin is the
 * provider itself) is never mistaken for the user.
 */
export const LOCAL_ORIGIN: unique symbol = Symbol('local')
