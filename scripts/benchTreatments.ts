/**
 * The treatment rows of `npm run bench` (issue 11), measured in the app by scripts/bench.ts in
 * the same run as its other rows. This module holds what runs in the page (serialised into it,
 * so each function is self-contained) and the lists of what is opened; bench.ts owns the visits,
 * the frame sampler, the medians and the table.
 *
 * - `playThrough`: a treatment opened and played from its first step to the end of its last,
 *   on a page where no treatment was opened yet (so the first cut — the geometry worker's start,
 *   the femur handed to it, the first result drawn — is inside the measured span). Every main-
 *   thread task of 50 ms or more (PerformanceObserver 'longtask') from the moment it is opened
 *   to its last step drawn, with the Long Animation Frame entries' scripts over the same span to
 *   say what ran in them.
 * - `installFrameClock` + `stepDrawnAt`: a link that opens a treatment at a step, from navigation
 *   start to the frame that drew that step (the last frame before the view went idle: the step's
 *   cut arrives from the worker and is drawn, and nothing else is waited for).
 * - `treatmentChurn`: every treatment and variant opened, stepped through and closed.
 */
import { PROCEDURE_IDS, type ProcedureId } from '../src/domain/procedures.ts'
import { treatmentSteps, variantIds } from '../src/domain/treatment/steps.ts'
import type { ViewState } from '../src/domain/viewState.ts'

export interface Play {
  /** The table's words for it. */
  name: string
  procedure: ProcedureId
  variant: null
  /** The step it stands still at, then plays from (0-based). */
  fromStep: number
}

const stepIndex = (procedure: ProcedureId, id: string): number => {
  const i = treatmentSteps(procedure, null).findIndex((s) => s.id === id)
  if (i < 0) throw new Error(`${procedure} has no step '${id}'`)
  return i
}

/**
 * The treatments that play for the frame and long-task rows, each from the step where its tools
 * start taking bone away: a core decompression's guide wire and drilling, a hip replacement's
 * socket reaming to the reduction (the femur moving, implants going in), a resurfacing's
 * sleeve reaming to the reduction (issue 12 asks the Treatments I rows to hold for both).
 */
export const PLAYS: readonly Play[] = [
  { name: 'core decompression, drilling', procedure: 'core-decompression', variant: null, fromStep: stepIndex('core-decompression', 'guidewire') },
  { name: 'hip replacement, reaming → reduction', procedure: 'total-hip-replacement', variant: null, fromStep: stepIndex('total-hip-replacement', 'ream-acetabulum') },
  { name: 'resurfacing, sleeve reaming → reduction', procedure: 'hip-resurfacing', variant: null, fromStep: stepIndex('hip-resurfacing', 'sleeve-ream') },
]

/** Links opened at a step (1-based `step`, as the address has it): a core's debridement, and the fibula, the hip replacement and the resurfacing at their last steps. */
export const STEP_LINKS = [
  { name: 'core decompression, step 6', query: 'proc=core-decompression&step=6&flow=0', procedure: 'core-decompression', step: 5 },
  {
    name: 'vascularised fibula, last step',
    query: `proc=vascularised-fibula&step=${treatmentSteps('vascularised-fibula', null).length}&flow=0`,
    procedure: 'vascularised-fibula',
    step: treatmentSteps('vascularised-fibula', null).length - 1,
  },
  {
    name: 'hip replacement, last step',
    query: `proc=total-hip-replacement&step=${treatmentSteps('total-hip-replacement', null).length}&flow=0`,
    procedure: 'total-hip-replacement',
    step: treatmentSteps('total-hip-replacement', null).length - 1,
  },
  {
    name: 'resurfacing, last step',
    query: `proc=hip-resurfacing&step=${treatmentSteps('hip-resurfacing', null).length}&flow=0`,
    procedure: 'hip-resurfacing',
    step: treatmentSteps('hip-resurfacing', null).length - 1,
  },
] as const

export interface Sequence {
  procedure: ProcedureId
  variant: string | null
  steps: number
}

/** Every treatment and variant, with its number of steps. */
export const SEQUENCES: Sequence[] = PROCEDURE_IDS.flatMap((procedure) =>
  [null, ...variantIds(procedure)].map((variant) => ({ procedure, variant, steps: treatmentSteps(procedure, variant).length })),
)

type Api = {
  setState(p: Partial<ViewState>): unknown
  getState(): ViewState
  idle(): Promise<void>
  ready(): Promise<void>
  stats(): { frames: number }
}

export interface LongTask {
  /** Page clock, ms after the treatment was opened. */
  start: number
  duration: number
}

export interface PlayThrough {
  /** From opening to the last step drawn, ms. */
  ms: number
  longTasks: LongTask[]
  /** The three longest animation frames' scripts (source, function, ms), to say what ran. */
  longFrames: { start: number; duration: number; blocking: number; scripts: string[] }[]
}

/**
 * Runs in the page: opens `procedure` at its first step, presses Play, and waits until the last
 * step has played and is drawn (the blood flow must be paused, or the view never goes idle).
 */
export async function playThrough({ procedure, variant, timeoutMs }: { procedure: ProcedureId; variant: string | null; timeoutMs: number }): Promise<PlayThrough> {
  const api = (window as unknown as { hipExplorer: Api }).hipExplorer
  const longTasks: LongTask[] = []
  type Frame = PerformanceEntry & { blockingDuration: number; scripts: { duration: number; sourceURL: string; sourceFunctionName: string; invoker: string }[] }
  const frames: Frame[] = []
  const tasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration })
  })
  tasks.observe({ type: 'longtask' })
  const loaf = new PerformanceObserver((list) => frames.push(...(list.getEntries() as Frame[])))
  try {
    loaf.observe({ type: 'long-animation-frame' })
  } catch {
    /* not in this browser: the long tasks are still measured */
  }
  const until = performance.now() + timeoutMs
  const nextFrame = () => new Promise((r) => requestAnimationFrame(r))
  const started = performance.now()
  api.setState({ procedure, variant, step: 0 })
  // The player's controls load with the first treatment opened.
  let button: HTMLButtonElement | null = null
  while (!(button = document.querySelector('[data-testid="treatment-play"]')) && performance.now() < until) await nextFrame()
  if (!button) throw new Error('the treatment player did not appear')
  button.click()
  const pressed = () => document.querySelector('[data-testid="treatment-play"]')?.getAttribute('aria-pressed') === 'true'
  while (!pressed() && performance.now() < until) await nextFrame()
  while (pressed() && performance.now() < until) await new Promise((r) => setTimeout(r, 50))
  await Promise.race([api.idle(), new Promise((r) => setTimeout(r, Math.max(0, until - performance.now())))])
  const ms = performance.now() - started
  if (ms >= timeoutMs) throw new Error(`${procedure} did not finish playing in ${timeoutMs} ms`)
  // Entries are delivered after their task: one more turn so the last ones arrive.
  await new Promise((r) => setTimeout(r, 100))
  tasks.disconnect()
  loaf.disconnect()
  const within = (t: number) => t >= started && t <= started + ms
  const file = (url: string) => url.slice(url.lastIndexOf('/') + 1) || url
  return {
    ms,
    longTasks: longTasks.filter((t) => within(t.start)).map((t) => ({ start: Math.round(t.start - started), duration: Math.round(t.duration) })),
    longFrames: frames
      .filter((f) => within(f.startTime))
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((f) => ({
        start: Math.round(f.startTime - started),
        duration: Math.round(f.duration),
        blocking: Math.round(f.blockingDuration),
        scripts: f.scripts.map((s) => `${s.invoker} ${file(s.sourceURL)} ${s.sourceFunctionName} ${Math.round(s.duration)} ms`),
      })),
  }
}

/** Installed before any page script: notes the time of every rendered frame once the API exists. */
export function installFrameClock(): void {
  const w = window as unknown as { hipExplorer?: { stats(): { frames: number } }; __benchLastFrameAt?: number }
  let frames = -1
  const tick = () => {
    const now = w.hipExplorer?.stats().frames
    if (now !== undefined && now !== frames) {
      frames = now
      w.__benchLastFrameAt = performance.now()
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/**
 * Runs in the page loaded from a link: waits for the finished picture and returns when its last
 * frame was drawn (page clock, from navigation start) and the treatment state it shows.
 */
export async function stepDrawnAt(timeoutMs: number): Promise<{ at: number; procedure: string | null; step: number }> {
  const w = window as unknown as { hipExplorer: Api; __benchLastFrameAt?: number }
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the step was not drawn in ${timeoutMs} ms`)), timeoutMs))
  await Promise.race([w.hipExplorer.ready().then(() => w.hipExplorer.idle()), timeout])
  const { procedure, step } = w.hipExplorer.getState()
  return { at: w.__benchLastFrameAt ?? NaN, procedure, step }
}

/**
 * Runs in the page (blood flow paused): every sequence opened at its first step, stepped to its
 * last one (each step drawn), and closed (the disease view drawn again).
 */
export async function treatmentChurn(sequences: Sequence[]): Promise<void> {
  const api = (window as unknown as { hipExplorer: Api }).hipExplorer
  const settle = () => Promise.race([api.idle(), new Promise((r) => setTimeout(r, 60_000))])
  for (const { procedure, variant, steps } of sequences) {
    api.setState({ procedure, variant, step: 0 })
    await settle()
    for (let step = 1; step < steps; step++) {
      api.setState({ step })
      await settle()
    }
    api.setState({ procedure: null })
    await settle()
  }
}
