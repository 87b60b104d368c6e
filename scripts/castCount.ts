/**
 * Counts type assertions (`x as T`, `<T>x`; not `as const`) in production code under src/ and
 * server/, by file: the figure docs/architecture.md reports. Run: `npx tsx scripts/castCount.ts`.
 */
import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import ts from 'typescript'

const isTestCode = (path: string) => /\.test\.tsx?$|^src\/test\/|^server\/testing\/|\.fixture\.ts$/.test(path)

const files = execFileSync('git', ['ls-files', 'src', 'server'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !isTestCode(f))

let total = 0
const byFile: [string, number][] = []
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  let count = 0
  const visit = (node: ts.Node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !(ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === 'const')) count++
    ts.forEachChild(node, visit)
  }
  visit(source)
  if (count) byFile.push([file, count])
  total += count
}
if (process.argv.includes('--by-file')) for (const [f, n] of byFile.sort((a, b) => b[1] - a[1])) console.log(`${n}\t${f}`)
console.log(`${total} type assertions in ${files.length} production files`)
