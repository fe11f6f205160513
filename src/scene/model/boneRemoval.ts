/**
 * The public entry for treatments that take bone away (domain/treatment/frame.ts BoneRemoval):
 *
 * - `showBoneRemovals(removals)`: call whenever the treatment frame's removals change by value.
 *   Each bone (the femur; the pelvis, for acetabular reaming) is drawn with its own removals'
 *   holes once the geometry worker has cut it; a bone with none gets the file's own geometry
 *   back (the cut geometries' GPU buffers are freed, so opening and closing a treatment leaves
 *   the renderer's geometry count as it was). A bone whose removals did not change is not
 *   touched: a femur-only frame never cuts, copies or swaps the pelvis, and a reaming step
 *   leaves the femur's picture as it was. Until the picture matches the last call,
 *   `hipExplorer.idle()` waits (state/pendingWork.ts). Only the last call counts: a result that
 *   arrives after a newer call is kept in the cache, not shown.
 * - `prefetchBoneRemovals(frames)`: computes cuts ahead (the frames of this step and the next,
 *   while this one plays), so showing them later costs no waiting. Each call replaces the last
 *   call's cuts not yet begun, and a cut to be shown goes before them (geometry/cutQueue.ts).
 *
 * The cutting code, the worker and manifold-3d load on the first non-empty call: they never
 * weigh on the first download. Removals are in the right hip's model frame; a left hip is the
 * mirrored model, and its holes with it.
 */
import { REMOVAL_TARGETS, type BoneRemoval, type RemovalTarget } from '../../domain/treatment/frame.ts'
import { removalsOn } from '../../domain/treatment/removalTarget.ts'
import { removalsKey } from '../../geometry/removalKey.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { useModelStore, type LoadedHip } from './modelStore.ts'

type Cutting = typeof import('./boneCutting.ts')
let cutting: Promise<Cutting> | null = null
/** The cutting code once loaded, for what needs no waiting (a cut that has arrived already). */
let loaded: Cutting | null = null
const loadCutting = () =>
  (cutting ??= import('./boneCutting.ts').then((m) => {
    loaded = m
    return m
  }))

/** Per bone: the removals last asked for, and whether its meshes may differ from the file (a cut was shown). */
interface Wanted {
  removals: readonly BoneRemoval[]
  key: string
  everCut: boolean
  endWork: (() => void) | null
}
const wanted = Object.fromEntries(REMOVAL_TARGETS.map((t) => [t, { removals: [], key: '', everCut: false, endWork: null }])) as unknown as Record<RemovalTarget, Wanted>
let following = false

function finish(w: Wanted): void {
  w.endWork?.()
  w.endWork = null
}

function apply(model: LoadedHip, target: RemovalTarget, removals: readonly BoneRemoval[], key: string, inFrame = false): void {
  const w = wanted[target]
  // Here already (computed ahead while the last step showed, or shown before): swapped in at
  // once, so a call from a frame before its render has it drawn in that very frame.
  if (loaded) {
    const ready = removals.length === 0 ? null : loaded.readyCut(model, removals)
    if (removals.length === 0 || ready) {
      if (!ready) loaded.showUncut(model, target)
      loaded.showCut(model, target, ready, !inFrame)
      finish(w)
      return
    }
  }
  w.endWork ??= beginWork('bone removal')
  loadCutting()
    .then(async ({ cutFor, showCut, showUncut }) => {
      if (removals.length === 0) showUncut(model, target)
      const result = removals.length === 0 ? null : await cutFor(model, target, removals)
      // A newer call or another model: that call shows its own picture.
      if (key !== w.key || useModelStore.getState().model !== model) return
      showCut(model, target, result)
      finish(w)
    })
    .catch((error: unknown) => {
      if (key !== w.key) return
      // The bone stays as it was drawn; the treatment's other parts still show.
      console.error(`The bone removal could not be drawn (${error instanceof Error ? error.message : String(error)}).`)
      finish(w)
    })
}

/** A reloaded model comes with the file's geometry: cut it again as last asked. */
function followModel(): void {
  if (following) return
  following = true
  useModelStore.subscribe((state, previous) => {
    if (!state.model || state.model === previous.model) return
    for (const target of REMOVAL_TARGETS) {
      const w = wanted[target]
      if (w.removals.length > 0) apply(state.model, target, w.removals, w.key)
    }
  })
}

/** `inFrame`: called from a frame before its render (the treatment's frame), which draws what is ready. */
export function showBoneRemovals(removals: readonly BoneRemoval[], inFrame = false): void {
  for (const target of REMOVAL_TARGETS) {
    const own = removalsOn(removals, target)
    const key = removalsKey(own)
    const w = wanted[target]
    if (key === w.key) continue
    w.removals = own
    w.key = key
    if (own.length > 0) w.everCut = true
    // Never cut: the file's geometry is shown already.
    if (!w.everCut) continue
    followModel()
    const model = useModelStore.getState().model
    if (!model) continue
    apply(model, target, own, key, inFrame)
  }
}

export function prefetchBoneRemovals(frames: readonly (readonly BoneRemoval[])[]): void {
  const model = useModelStore.getState().model
  if (!model) return
  const cuts = frames.flatMap((removals) => REMOVAL_TARGETS.map((target) => ({ target, removals: removalsOn(removals, target) }))).filter((cut) => cut.removals.length > 0)
  // Nothing ahead and nothing ever cut: no need to load the cutting code to say so.
  if (cuts.length === 0 && !cutting) return
  loadCutting()
    .then(({ cutAhead }) => cutAhead(model, cuts))
    .catch(() => {
      // Asked for again when shown, and reported then.
    })
}
