/**
 * Where a treatment's plan is made (scene/treatment/useTreatmentPlan.ts, planClient.ts): never in
 * the render that opens the treatment (planning core decompression there was the page's longest
 * stop while it opened, issue 11), but in the plan worker, whose answer is kept in the plan memo
 * the pictures share. While a new plan of the same treatment is made the drawn one stays; another
 * treatment draws nothing until its own comes. A worker that fails leaves the plans to the main
 * thread, in a task of their own. And every plan crosses to the page by structured clone intact.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import type { ProcedureId } from '../../src/domain/procedures.ts'
import { planTreatment, type PlanInput, type TreatmentPlan } from '../../src/domain/treatment/planner.ts'
import type { FromPlanWorker, ToPlanWorker } from '../../src/scene/treatment/planProtocol.ts'
import { loadLandmarks } from '../unit/model-loader.ts'

/** A worker that keeps what it is sent; the test answers (as the real one would, by structured clone) or fails it. */
class FakeWorker {
  static made: FakeWorker[] = []
  readonly received: ToPlanWorker[] = []
  onmessage: ((event: { data: FromPlanWorker }) => void) | null = null
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null
  terminated = false
  constructor() {
    FakeWorker.made.push(this)
  }
  postMessage(message: ToPlanWorker): void {
    this.received.push(structuredClone(message))
  }
  terminate(): void {
    this.terminated = true
  }
  answer(id: number): void {
    const asked = this.received.find((m): m is Extract<ToPlanWorker, { type: 'plan' }> => m.type === 'plan' && m.id === id)!
    this.onmessage?.({ data: structuredClone({ type: 'plan', id, plan: planTreatment(asked.input) }) })
  }
  plansAsked(): Extract<ToPlanWorker, { type: 'plan' }>[] {
    return this.received.filter((m): m is Extract<ToPlanWorker, { type: 'plan' }> => m.type === 'plan')
  }
}

let lm: HipLandmarks
beforeAll(async () => {
  lm = await loadLandmarks()
})

function input(procedure: ProcedureId, variant: string | null, collapseDepthMm: number): PlanInput {
  return { procedure, variant, landmarks: lm, lesion: lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm)), collapseDepthMm }
}

/** A fresh client, hook and memo (their state is per module), with the fake worker as the page's. */
async function fresh(withWorker: boolean) {
  vi.resetModules()
  FakeWorker.made = []
  if (withWorker) vi.stubGlobal('Worker', FakeWorker)
  else vi.stubGlobal('Worker', undefined)
  const { useTreatmentPlan } = await import('../../src/scene/treatment/useTreatmentPlan.ts')
  const { knownPlan } = await import('../../src/domain/treatment/planMemo.ts')
  const { pendingWork } = await import('../../src/state/pendingWork.ts')
  const seen: (TreatmentPlan | null)[] = []
  function Probe({ asked }: { asked: PlanInput | null }) {
    seen.push(useTreatmentPlan(asked))
    return null
  }
  return { Probe, seen, knownPlan, pendingWork }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

const settle = () => ReactThreeTestRenderer.act(async () => new Promise((resolve) => setTimeout(resolve, 0)))

describe('a treatment layer’s plan', () => {
  it('is asked of the worker, not made in the render, and drawn when it comes', async () => {
    const { Probe, seen, knownPlan, pendingWork } = await fresh(true)
    const first = input('core-decompression', null, 0)
    const r = await ReactThreeTestRenderer.create(<Probe asked={first} />)
    expect(seen.at(-1)).toBeNull()
    expect(knownPlan(first)).toBeUndefined()
    expect(pendingWork()).toContain('treatment plan')
    const worker = FakeWorker.made[0]!
    expect(worker.plansAsked().map((m) => m.input.procedure)).toEqual(['core-decompression'])

    await ReactThreeTestRenderer.act(async () => worker.answer(worker.plansAsked()[0]!.id))
    await settle()
    const drawn = seen.at(-1)!
    expect(drawn).toEqual(planTreatment(first))
    // Kept where the pictures look for it.
    expect(knownPlan(first)).toBe(drawn)
    expect(pendingWork()).not.toContain('treatment plan')

    // The stage moved: the drawn plan stays until the new one comes.
    const deeper = input('core-decompression', null, 2)
    await r.update(<Probe asked={deeper} />)
    expect(seen.at(-1)).toBe(drawn)
    await ReactThreeTestRenderer.act(async () => worker.answer(worker.plansAsked()[1]!.id))
    await settle()
    expect(seen.at(-1)).not.toBe(drawn)
    expect(seen.at(-1)).toEqual(planTreatment(deeper))

    // Back to a plan the memo keeps: drawn at once, nothing asked.
    await r.update(<Probe asked={first} />)
    expect(seen.at(-1)).toBe(drawn)
    expect(worker.plansAsked()).toHaveLength(2)

    // Another treatment: nothing of the last one is drawn meanwhile.
    await r.update(<Probe asked={input('bone-grafting', 'phemister', 2)} />)
    expect(seen.at(-1)).toBeNull()
    await r.unmount()
    // Closed before its plan came: idle() does not wait for it.
    expect(pendingWork()).not.toContain('treatment plan')
  })

  it('is made one at a time: a newer request replaces the one waiting (a stage dragged), which is never made', async () => {
    const { PlanDropped, planInBackground } = await (async () => {
      await fresh(true)
      return import('../../src/scene/treatment/planClient.ts')
    })()
    const depths = [0, 0.5, 1, 1.5, 2]
    const asked = depths.map((depth) => planInBackground(input('core-decompression', null, depth)))
    const settled = Promise.allSettled(asked)
    const worker = FakeWorker.made[0]!
    // The first is being made; of the rest only the newest waits.
    expect(worker.plansAsked().map((m) => m.input.collapseDepthMm)).toEqual([0])
    worker.answer(worker.plansAsked()[0]!.id)
    await Promise.resolve()
    expect(worker.plansAsked().map((m) => m.input.collapseDepthMm)).toEqual([0, 2])
    worker.answer(worker.plansAsked()[1]!.id)
    const results = await settled
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled'])
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(PlanDropped)
    expect((results[4] as PromiseFulfilledResult<TreatmentPlan>).value).toEqual(planTreatment(input('core-decompression', null, 2)))
  })

  it('is made on the main thread, in a task of its own, when the worker fails or there is none', async () => {
    for (const withWorker of [true, false]) {
      const { Probe, seen, knownPlan } = await fresh(withWorker)
      const asked = input('vascularised-fibula', null, 1)
      await ReactThreeTestRenderer.create(<Probe asked={asked} />)
      // The render that opened it had no plan (made after, in a task of its own: on a loaded
      // machine that task may have run before create() returns, so only the first render counts).
      expect(seen[0]).toBeNull()
      if (withWorker) {
        expect(knownPlan(asked)).toBeUndefined()
        const worker = FakeWorker.made[0]!
        await ReactThreeTestRenderer.act(async () => worker.onerror?.({ message: 'could not start', preventDefault() {} }))
        expect(worker.terminated).toBe(true)
      }
      await settle()
      expect(seen.at(-1)).toEqual(planTreatment(asked))
      expect(knownPlan(asked)).toBe(seen.at(-1))
    }
  })
})

describe('a plan', () => {
  it('is plain data: structured cloning (the worker’s answer) keeps every value and kind of object', () => {
    const PLAIN = new Set<unknown>([Object.prototype, Array.prototype, null])
    const check = (value: unknown, path: string): void => {
      if (typeof value === 'function') throw new Error(`${path} is a function`)
      if (typeof value !== 'object' || value === null) return
      if (ArrayBuffer.isView(value)) return
      expect(PLAIN.has(Object.getPrototypeOf(value)), `${path} is a ${value.constructor?.name}`).toBe(true)
      for (const [k, v] of Object.entries(value)) check(v, `${path}.${k}`)
    }
    const asked: [ProcedureId, string | null][] = [
      ['core-decompression', null],
      ['core-decompression', 'multiple-drilling'],
      ['bone-grafting', null],
      ['bone-grafting', 'phemister'],
      ['vascularised-fibula', null],
      ['total-hip-replacement', null],
      ['hip-resurfacing', null],
    ]
    for (const [procedure, variant] of asked) {
      const plan = planTreatment(input(procedure, variant, 2))
      check(plan, `${procedure}/${variant}`)
      expect(structuredClone(plan)).toStrictEqual(plan)
    }
  })
})
