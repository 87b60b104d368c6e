import { describe, expect, it } from 'vitest'
import { migrate, MIGRATIONS, SCHEMA_VERSION, type Migration } from '.'

/**
 * A fixture chain, local to this test: v1 named the card's department `team`, v2 renamed it to
 * `owner`, v3 split `title` into `title` and `description` at the first line break.
 */
const CHAIN: Migration[] = [
  {
    from: 2,
    name: 'split-title-description',
    up: (doc) => ({
      ...doc,
      touchpoints: (doc.touchpoints as Record<string, string>[]).map((t) => {
        const [title, ...rest] = t.title.split('\n')
        return { ...t, title, description: rest.join('\n') }
      }),
    }),
  },
  {
    from: 1,
    name: 'team-to-owner',
    up: (doc) => ({ ...doc, touchpoints: (doc.touchpoints as Record<string, string>[]).map(({ team, ...t }) => ({ ...t, owner: team })) }),
  },
]
const V1_FIXTURE = { schemaVersion: 1, touchpoints: [{ id: 'touchpoint:a', title: 'Ringer sentralbordet\nVenter to minutter', team: 'Kundeservice' }] }

describe('migrations', () => {
  it('runs every step in order, whatever order they are listed in, and names what it applied', () => {
    const result = migrate(V1_FIXTURE, CHAIN, 3)
    expect(result).toEqual({
      ok: true,
      applied: ['1→2 team-to-owner', '2→3 split-title-description'],
      doc: { schemaVersion: 3, touchpoints: [{ id: 'touchpoint:a', title: 'Ringer sentralbordet', description: 'Venter to minutter', owner: 'Kundeservice' }] },
    })
    expect(V1_FIXTURE.touchpoints[0]).toHaveProperty('team') // the input is not modified
  })

  it('starts from the version the document is at', () => {
    const v2 = { schemaVersion: 2, touchpoints: [{ id: 'touchpoint:a', title: 'Henting\n100 m unna', owner: 'Verksted' }] }
    const result = migrate(v2, CHAIN, 3)
    expect(result.ok && result.applied).toEqual(['2→3 split-title-description'])
  })

  it('leaves a current document alone', () => {
    const v3 = { schemaVersion: 3, touchpoints: [] }
    expect(migrate(v3, CHAIN, 3)).toEqual({ ok: true, doc: v3, applied: [] })
  })

  it('refuses a document newer than this build, with reason "newer"', () => {
    const result = migrate({ schemaVersion: 4 }, CHAIN, 3)
    expect(result).toMatchObject({ ok: false, reason: 'newer' })
    expect(!result.ok && result.message).toMatch(/v4, newer than this app's v3/)
  })

  it('refuses a gap in the chain', () => {
    const result = migrate(V1_FIXTURE, [CHAIN[0]], 3)
    expect(result).toMatchObject({ ok: false, reason: 'invalid', message: 'schemaVersion: no migration from v1 to v2' })
  })

  it('refuses a missing or nonsensical version', () => {
    for (const schemaVersion of [undefined, 0, 1.5, '1']) expect(migrate({ schemaVersion }, CHAIN, 3)).toMatchObject({ ok: false, reason: 'invalid' })
  })

  it('has a step for every version below the current one', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(MIGRATIONS.some((m) => m.from === v), `v${v}`).toBe(true)
  })
})
