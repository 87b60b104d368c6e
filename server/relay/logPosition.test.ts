import { expect, it } from 'vitest'
import { LogPosition } from './logPosition'

it('advances over rows seen in any order and reports how long a hole stays open', () => {
  const position = new LogPosition(10)
  position.saw(12, 1000)
  position.saw(13, 1100)
  expect(position.contiguous).toBe(10)
  expect(position.hasGap).toBe(true)
  expect(position.gapAgeMs(1500)).toBe(500)
  position.saw(11, 1200) // the late row closes the hole
  expect(position.contiguous).toBe(13)
  expect(position.hasGap).toBe(false)
  position.saw(9)
  position.saw(13)
  position.saw(Number.NaN)
  expect(position.contiguous).toBe(13)
})

it('jumps to what storage returned and keeps rows seen beyond it', () => {
  const position = new LogPosition(5)
  position.saw(8)
  position.saw(20)
  position.caughtUpTo(18) // a catch-up read rows 6…18
  expect(position.contiguous).toBe(18)
  position.saw(19)
  expect(position.contiguous).toBe(20)
  expect(position.hasGap).toBe(false)
})
