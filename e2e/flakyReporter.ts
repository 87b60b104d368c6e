/**
 * Names every browser test that passed only on a retry, so a flaky test is reported in the run's
 * output (and in test-results/flaky.txt, which scripts/test.sh prints) instead of passing quietly.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Reporter, TestCase } from '@playwright/test/reporter'

const OUT = path.join('test-results', 'flaky.txt')

export default class FlakyReporter implements Reporter {
  private readonly flaky: TestCase[] = []

  onBegin(): void {
    fs.rmSync(OUT, { force: true })
  }

  onTestEnd(test: TestCase): void {
    if (test.outcome() === 'flaky' && !this.flaky.includes(test)) this.flaky.push(test)
  }

  onEnd(): void {
    if (this.flaky.length === 0) return
    const lines = this.flaky.map((t) => {
      const failures = t.results.filter((r) => r.status !== 'passed' && r.status !== 'skipped')
      const first = (failures[0]?.error?.message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0]
      return `flaky: ${t.titlePath().filter(Boolean).join(' › ')} (failed ${failures.length}×, passed on retry${first ? `; first failure: ${first}` : ''})`
    })
    fs.mkdirSync(path.dirname(OUT), { recursive: true })
    fs.writeFileSync(OUT, lines.join('\n') + '\n')
    console.log(`\n${lines.join('\n')}\n`)
  }

  printsToStdio(): boolean {
    return false
  }
}
