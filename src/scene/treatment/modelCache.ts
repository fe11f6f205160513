/**
 * Models shared by (kind, size): the first object of a kind and size builds it, the last one to
 * go disposes it. Sizes are keyed to 0.01 mm, so a pose that wobbles in the last float digit
 * does not build a copy. Poses change every frame, sizes do not: this runs when an object comes
 * or goes or changes size, never per frame.
 *
 * While a treatment is open it holds the models (`holdModels`): one that its last object let go
 * is kept, not disposed, and the next object of that kind and size takes it back. A hip
 * replacement's reamers and broaches each appear for one pass; disposed at once, every replay
 * of the step (Play again, Back, a presenter going over it) built them again on the main thread
 * while the step played (a 55-mm perforated reamer dome is ≈ 20 000 triangles). The hold's end
 * (the treatment closed) disposes what is kept.
 */
import { disposeModel, type ObjectModel } from './objectModel.ts'
import type { ModelRecipe } from './builders.ts'
import { inQuietMoment } from '../quietMoment.ts'
import { finish } from './slices.ts'

interface Entry {
  readonly model: ObjectModel
  users: number
}

const entries = new Map<string, Entry>()
/** Models no object uses, kept while a hold is on. */
const kept = new Map<string, ObjectModel>()
let holds = 0

/** The cache key of a kind at the given sizes. */
export function modelKey(kind: string, sizes: readonly number[]): string {
  return [kind, ...sizes.map((s) => s.toFixed(2))].join('|')
}

export function acquireModel(key: string, build: () => ObjectModel): ObjectModel {
  let entry = entries.get(key)
  if (!entry) {
    let model = kept.get(key)
    kept.delete(key)
    if (!model && building?.recipe.key === key) {
      // Being built ahead: its remaining slices now, not a second build.
      model = finish(building.slices)
      building = null
    }
    entry = { model: model ?? build(), users: 0 }
    entries.set(key, entry)
  }
  entry.users++
  return entry.model
}

export function releaseModel(key: string): void {
  const entry = entries.get(key)
  if (!entry) return
  entry.users--
  if (entry.users > 0) return
  entries.delete(key)
  if (holds > 0) kept.set(key, entry.model)
  else disposeModel(entry.model)
}

/** Keeps released models for reuse until the returned function is called (the last such call disposes them). */
export function holdModels(): () => void {
  holds++
  let held = true
  return () => {
    if (!held) return
    held = false
    holds--
    if (holds > 0) return
    for (const model of kept.values()) disposeModel(model)
    kept.clear()
    building = null // nothing would keep it
  }
}

/** Models to build ahead, in line, one per quiet moment or a few. */
const ahead: ModelRecipe[] = []
let aheadTimer: (() => void) | undefined
/** The model being built ahead in slices (./slices.ts), between quiet moments. */
let building: { readonly recipe: ModelRecipe; readonly slices: Iterator<void, ObjectModel, void> } | null = null

/** How long a quiet moment goes on with one sliced build (ms): well inside a long task's 50. */
const SLICE_BUDGET_MS = 12

/** A build without slices, as one slice. */
function whole(build: () => ObjectModel): Iterator<void, ObjectModel, void> {
  return { next: () => ({ done: true, value: build() }) }
}

const wanted = (key: string) => holds > 0 && !entries.has(key) && !kept.has(key)

function buildNextAhead(): void {
  aheadTimer = undefined
  if (!building) {
    let next = ahead.shift()
    while (next && !wanted(next.key)) next = ahead.shift()
    if (next) building = { recipe: next, slices: next.slices ? next.slices() : whole(next.build) }
  }
  if (building) {
    const start = performance.now()
    for (;;) {
      const step = building.slices.next()
      if (step.done) {
        if (wanted(building.recipe.key)) kept.set(building.recipe.key, step.value)
        else disposeModel(step.value)
        building = null
        break
      }
      if (performance.now() - start >= SLICE_BUDGET_MS) break
    }
  }
  if (building || ahead.length > 0) aheadTimer = inQuietMoment(buildNextAhead)
}

/**
 * Builds models before their first object needs them, one per quiet moment (an idle callback),
 * and keeps them as a hold keeps a released model. A step's new tool built at its first frame
 * stopped that frame for 25–56 ms each while a hip replacement played (the reamers' and broaches'
 * sizes, the impactors). A recipe with slices (a reamer: its first build in a page, cold, took
 * 80–100 ms in one idle callback) spreads over quiet moments of SLICE_BUDGET_MS. Only while a
 * hold is on (nothing would keep them otherwise); a model already built is skipped. Returns a
 * function that takes the ones not built yet out of line.
 */
export function buildModelsAhead(models: readonly ModelRecipe[]): () => void {
  const mine = models.filter((m) => !entries.has(m.key) && !kept.has(m.key) && !ahead.some((a) => a.key === m.key) && building?.recipe.key !== m.key)
  ahead.push(...mine)
  if (aheadTimer === undefined && ahead.length > 0) aheadTimer = inQuietMoment(buildNextAhead)
  return () => {
    for (const m of mine) {
      const at = ahead.indexOf(m)
      if (at >= 0) ahead.splice(at, 1)
      if (building?.recipe === m) building = null
    }
  }
}

/** Models in use now (tests: nothing is left once every object is gone). */
export function liveModelKeys(): string[] {
  return [...entries.keys()]
}

/** Models kept for reuse by a hold, in use by nothing. */
export function keptModelKeys(): string[] {
  return [...kept.keys()]
}
