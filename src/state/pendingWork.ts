/**
 * Work under way that will change the picture without a frame being requested yet: a lazy
 * part of the 3D view being fetched, shaders being compiled ahead, a short wait before either.
 * The render loop's own requests ("pending frames") cover everything else that moves.
 *
 * `hipExplorer.idle()` resolves only when both are empty, so a script (an embedder, the
 * benchmark, our tests) can wait for the finished picture instead of guessing with sleeps.
 * A plain module counter, not store state: it changes a few times per session and nothing
 * re-renders because of it.
 */

interface Work {
  readonly name: string
  /** The work waits for shader programs readied in quiet moments (scene/three/programWarmUp.ts), so it does not make a moment busy. */
  readonly waitsForPrograms: boolean
  /**
   * The picture is not yet what the state says until this work ends (a lazy part of the view,
   * a cut, shaders): a saved image waits for it. False for work that goes on by design while
   * the picture is right at every moment (playback) or that draws nothing (keys, cleanup).
   */
  readonly shapesPicture: boolean
}

export interface WorkOptions {
  readonly waitsForPrograms?: boolean
  readonly shapesPicture?: boolean
}

const open = new Map<number, Work>()
let nextId = 1
const listeners = new Set<() => void>()

/** Registers a piece of work; call the returned function (once) when it is done or abandoned. */
export function beginWork(name: string, options: WorkOptions = {}): () => void {
  const id = nextId++
  open.set(id, { name, waitsForPrograms: options.waitsForPrograms ?? false, shapesPicture: options.shapesPicture ?? true })
  return () => {
    if (!open.delete(id)) return
    for (const listener of listeners) listener()
  }
}

/** Names of the work under way (for diagnostics: `hipExplorer.idle()` reports them on timeout). */
export function pendingWork(): string[] {
  return [...open.values()].map((w) => w.name)
}

/** Names of the work under way that may soon draw (all but the work waiting for programs to be readied). */
export function busyWork(): string[] {
  return [...open.values()].filter((w) => !w.waitsForPrograms).map((w) => w.name)
}

/** Names of the work under way that the picture still waits for (see Work.shapesPicture). */
export function pictureWork(): string[] {
  return [...open.values()].filter((w) => w.shapesPicture).map((w) => w.name)
}

/** Calls back whenever a piece of work ends; returns the unsubscribe function. */
export function onWorkDone(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Ends every open piece of work of that name. For the error boundary that caught the part
 * owning it failing: the owner is gone and will never end it, and `idle()` must not hang.
 */
export function abandonWork(name: string): void {
  let ended = false
  for (const [id, work] of open) {
    if (work.name === name) ended = open.delete(id) || ended
  }
  if (ended) for (const listener of listeners) listener()
}
