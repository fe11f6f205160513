/**
 * Models shared by (kind, size): the first object of a kind and size builds it, the last one to
 * go disposes it. Sizes are keyed to 0.01 mm, so a pose that wobbles in the last float digit
 * does not build a copy. Poses change every frame, sizes do not: this runs when an object comes
 * or goes or changes size, never per frame.
 */
import { disposeModel, type ObjectModel } from './objectModel.ts'

interface Entry {
  readonly model: ObjectModel
  users: number
}

const entries = new Map<string, Entry>()

/** The cache key of a kind at the given sizes. */
export function modelKey(kind: string, sizes: readonly number[]): string {
  return [kind, ...sizes.map((s) => s.toFixed(2))].join('|')
}

export function acquireModel(key: string, build: () => ObjectModel): ObjectModel {
  let entry = entries.get(key)
  if (!entry) {
    entry = { model: build(), users: 0 }
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
  disposeModel(entry.model)
}

/** Models alive now (tests: nothing is left once every object is gone). */
export function liveModelKeys(): string[] {
  return [...entries.keys()]
}
