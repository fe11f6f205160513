/**
 * The public entry for treatments that take bone away (domain/treatment/frame.ts BoneRemoval):
 *
 * - `showBoneRemovals(removals)`: call whenever the treatment frame's removals change by value.
 *   The femur is drawn with those holes once the geometry worker has cut it; [] puts back the
 *   file's own geometry (the cut geometries' GPU buffers are freed, so opening and closing a
 *   treatment leaves the renderer's geometry count as it was). Until the picture matches the
 *   last call, `hipExplorer.idle()` waits (state/pendingWork.ts). Only the last call counts:
 *   a result that arrives after a newer call is kept in the cache, not shown.
 * - `prefetchBoneRemovals(removals)`: computes a cut ahead (the next step's, while this one
 *   plays), so showing it later costs no waiting.
 *
 * The cutting code, the worker and manifold-3d load on the first non-empty call: they never
 * weigh on the first download. Removals are in the right hip's model frame; a left hip is the
 * mirrored model, and its holes with it.
 */
import type { BoneRemoval } from '../../domain/treatment/frame.ts'
import { removalsKey } from '../../geometry/removalKey.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { useModelStore, type LoadedHip } from './modelStore.ts'

type Cutting = typeof import('./boneCutting.ts')
let cutting: Promise<Cutting> | null = null
const loadCutting = () => (cutting ??= import('./boneCutting.ts'))

/** The removals last asked for, and whether the model may differ from the file (a cut was shown). */
let wanted: readonly BoneRemoval[] = []
let wantedKey = ''
let everCut = false
let endWork: (() => void) | null = null
let following = false

function finish(): void {
  endWork?.()
  endWork = null
}

function apply(model: LoadedHip, removals: readonly BoneRemoval[], key: string): void {
  endWork ??= beginWork('bone removal')
  loadCutting()
    .then(async ({ cutFor, showCut }) => {
      const result = removals.length === 0 ? null : await cutFor(model, removals)
      // A newer call or another model: that call shows its own picture.
      if (key !== wantedKey || useModelStore.getState().model !== model) return
      showCut(model, result)
      finish()
    })
    .catch((error: unknown) => {
      if (key !== wantedKey) return
      // The femur stays as it was drawn; the treatment's other parts still show.
      console.error(`The bone removal could not be drawn (${error instanceof Error ? error.message : String(error)}).`)
      finish()
    })
}

/** A reloaded model comes with the file's geometry: cut it again as last asked. */
function followModel(): void {
  if (following) return
  following = true
  useModelStore.subscribe((state, previous) => {
    if (state.model && state.model !== previous.model && wanted.length > 0) apply(state.model, wanted, wantedKey)
  })
}

export function showBoneRemovals(removals: readonly BoneRemoval[]): void {
  const key = removalsKey(removals)
  if (key === wantedKey) return
  wanted = removals
  wantedKey = key
  if (removals.length > 0) everCut = true
  // Nothing was ever cut: the file's geometry is shown already.
  if (!everCut) return
  followModel()
  const model = useModelStore.getState().model
  if (!model) return
  apply(model, removals, key)
}

export function prefetchBoneRemovals(removals: readonly BoneRemoval[]): void {
  const model = useModelStore.getState().model
  if (!model || removals.length === 0) return
  loadCutting()
    .then(({ cutFor }) => cutFor(model, removals))
    .catch(() => {
      // Asked for again when shown, and reported then.
    })
}
