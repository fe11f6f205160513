/**
 * Where the e2e time goes, when asked: with `E2E_PROFILE=<file>` every app page load, wait for
 * ready(), wait for a settled view, reset of a shared page and page close appends one JSON line
 * to <file> (the test file, what happened, how long it took, the frames the page had drawn), and
 * so does the end of every test and test file, with the CPU time the shared browser (all its
 * processes: GPU, renderers) and this test process used meanwhile. CPU seconds hardly change with
 * the load other jobs put on the machine, wall seconds do: compare the former between runs.
 * Off by default: then each call is one env lookup. `node scripts/e2e-profile.mjs <file>` sums
 * it per test file.
 *
 * A line is appended at once (not collected for a report at exit), so a run that is killed or
 * times out still leaves what it measured.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { browserPid } from './context.ts'

export type ProfileEvent =
  /** A browser context opened for an app page. */
  | 'context'
  /** The app page loaded a document (a first load, a reload, a link the test followed). */
  | 'load'
  /** waitForReady: the wait for the first frame showing the hip. */
  | 'ready'
  /** waitForSettled: the wait for hipExplorer.idle(). */
  | 'settle'
  /** A shared page put back to the defaults through the API instead of a reload. */
  | 'reset'
  /** A page closed; `frames` is what its last document had drawn. */
  | 'close'
  /** A test ended: its wall time and CPU seconds. */
  | 'test'
  /** A test file ended (its hooks included): its wall time and CPU seconds. */
  | 'file'

export const profiling = (): boolean => !!process.env.E2E_PROFILE

/** The running test file, relative to tests/e2e (or '?' outside a test file). */
function testFile(): string {
  const path = expect.getState().testPath ?? '?'
  return path.replace(/^.*tests\/e2e\//, '')
}

interface Fields {
  ms?: number
  frames?: number
  browserCpu?: number
  /** The part of browserCpu that the GPU process used (shader compilation and drawing). */
  gpuCpu?: number
  nodeCpu?: number
}

export function recordProfile(event: ProfileEvent, fields: Fields = {}): void {
  const out = process.env.E2E_PROFILE
  if (!out) return
  const line = { file: testFile(), test: expect.getState().currentTestName ?? null, event, at: Date.now(), ...fields }
  appendFileSync(out, `${JSON.stringify(line)}\n`)
}

/** Runs `work` and records how long it took under `event`. */
export async function timed<T>(event: ProfileEvent, work: () => Promise<T>): Promise<T> {
  if (!profiling()) return work()
  const t = performance.now()
  try {
    return await work()
  } finally {
    recordProfile(event, { ms: Math.round(performance.now() - t) })
  }
}

const TICKS_PER_SECOND = 100 // Linux USER_HZ

/**
 * CPU seconds used so far by process `root` and its descendants, those that ended included
 * (Linux: /proc/<pid>/stat utime + stime + cutime + cstime; a process's ended children are in
 * its cutime once reaped), and the part of it that Chromium's GPU process used. The GPU process
 * is where SwiftShader compiles shader programs and draws every frame; the renderers run the
 * app's JavaScript. The split says which of the two a change to a test saves. 0 where /proc is
 * not there.
 */
function treeCpuSeconds(root: number): { all: number; gpu: number } {
  let entries: string[]
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return { all: 0, gpu: 0 }
  }
  const parent = new Map<number, number>()
  const ticks = new Map<number, number>()
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // After "pid (comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17), 1-based.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parent.set(Number(name), Number(fields[1]))
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]))
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0
  let gpu = 0
  for (const [pid, t] of ticks) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        total += t
        if (isGpuProcess(pid)) gpu += t
        break
      }
    }
  }
  return { all: total / TICKS_PER_SECOND, gpu: gpu / TICKS_PER_SECOND }
}

/** Whether Chromium started `pid` as its GPU process (`--type=gpu-process` on its command line). */
function isGpuProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=gpu-process')
  } catch {
    return false
  }
}

interface CpuMark {
  wall: number
  browser: number
  gpu: number
  node: number
}

function cpuMark(): CpuMark {
  const { user, system } = process.cpuUsage()
  const browser = treeCpuSeconds(browserPid())
  return { wall: performance.now(), browser: browser.all, gpu: browser.gpu, node: (user + system) / 1e6 }
}

function recordSince(event: 'test' | 'file', since: CpuMark): void {
  const now = cpuMark()
  const r = (v: number) => Math.round(v * 100) / 100
  recordProfile(event, {
    ms: Math.round(now.wall - since.wall),
    browserCpu: r(now.browser - since.browser),
    gpuCpu: r(now.gpu - since.gpu),
    nodeCpu: r(now.node - since.node),
  })
}

/**
 * The per-test and per-file lines (vitest.e2e.config.ts lists this module in setupFiles, so its
 * hooks wrap every file's own: its afterAll runs after theirs, closing pages included).
 */
export function installProfileHooks(): void {
  if (!profiling()) return
  let file: CpuMark
  let test: CpuMark
  beforeAll(() => {
    file = cpuMark()
  })
  afterAll(() => recordSince('file', file))
  beforeEach(() => {
    test = cpuMark()
  })
  afterEach(() => recordSince('test', test))
}
