/**
 * Sums an e2e profile (tests/e2e/support/profile.ts) per test file: browser contexts, document
 * loads, resets of a shared page, the time spent waiting for ready() and for a settled view,
 * the frames drawn (read when a page closes), and the wall and CPU seconds of the whole file (the
 * shared browser's processes, the part of those its GPU process used, the test process). With a vitest JSON report as the second
 * argument it adds each file's duration and test count.
 *
 *   E2E_PROFILE=reports/e2e-profile.jsonl npx vitest run -c vitest.e2e.config.ts \
 *     --reporter=default --reporter=json --outputFile.json=reports/e2e.json
 *   node scripts/e2e-profile.mjs reports/e2e-profile.jsonl reports/e2e.json
 */
import { readFileSync } from 'node:fs'

const [profileFile, reportFile] = process.argv.slice(2)
if (!profileFile) {
  console.error('usage: node scripts/e2e-profile.mjs <profile.jsonl> [vitest-report.json]')
  process.exit(2)
}

const rows = new Map()
const row = (file) => {
  if (!rows.has(file)) rows.set(file, { tests: 0, seconds: 0, context: 0, load: 0, reset: 0, readyMs: 0, settle: 0, settleMs: 0, frames: 0, browserCpu: 0, gpuCpu: 0, nodeCpu: 0 })
  return rows.get(file)
}
for (const line of readFileSync(profileFile, 'utf8').split('\n')) {
  if (!line.trim()) continue
  const e = JSON.parse(line)
  const r = row(e.file)
  if (e.event === 'context' || e.event === 'load' || e.event === 'reset') r[e.event]++
  if (e.event === 'ready') r.readyMs += e.ms
  if (e.event === 'settle') {
    r.settle++
    r.settleMs += e.ms
  }
  if (e.event === 'close') r.frames += e.frames
  if (e.event === 'file') {
    r.seconds = e.ms / 1000
    r.browserCpu = e.browserCpu
    r.gpuCpu = e.gpuCpu ?? 0
    r.nodeCpu = e.nodeCpu
  }
}
if (reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'))
  for (const f of report.testResults) {
    const r = row(f.name.replace(/^.*tests\/e2e\//, ''))
    r.tests = f.assertionResults.length
  }
}

const columns = [
  ['file', 28],
  ['tests', 6],
  ['s', 7],
  ['contexts', 9],
  ['loads', 6],
  ['resets', 7],
  ['ready s', 8],
  ['settles', 8],
  ['settle s', 9],
  ['frames', 7],
  ['browser cpu', 12],
  ['gpu cpu', 8],
  ['node cpu', 9],
]
const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(columns[i][1]) : String(c).padStart(columns[i][1]))).join(' ')
console.log(line(columns.map(([name]) => name)))
const total = { tests: 0, seconds: 0, context: 0, load: 0, reset: 0, readyMs: 0, settle: 0, settleMs: 0, frames: 0, browserCpu: 0, gpuCpu: 0, nodeCpu: 0 }
for (const [file, r] of [...rows].sort((a, b) => b[1].seconds - a[1].seconds)) {
  for (const k of Object.keys(total)) total[k] += r[k]
  console.log(line([file, r.tests, r.seconds.toFixed(1), r.context, r.load, r.reset, (r.readyMs / 1000).toFixed(1), r.settle, (r.settleMs / 1000).toFixed(1), r.frames, r.browserCpu.toFixed(1), r.gpuCpu.toFixed(1), r.nodeCpu.toFixed(1)]))
}
console.log(line(['total', total.tests, total.seconds.toFixed(1), total.context, total.load, total.reset, (total.readyMs / 1000).toFixed(1), total.settle, (total.settleMs / 1000).toFixed(1), total.frames, total.browserCpu.toFixed(1), total.gpuCpu.toFixed(1), total.nodeCpu.toFixed(1)]))
