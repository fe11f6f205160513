/**
 * The cutaway window: a hole in the socket over the femoral head, as in a medical
 * illustration, so the ball (its cartilage, the dead bone, the crack, the collapse) shows in
 * the ordinary views while the rest of the pelvis stays solid around it.
 *
 * Pure: when the window is open (from the view state), and which points it removes. The
 * shader (scene/disease/shaders.ts) and picking (scene/HipModel.tsx) apply the same test, so
 * what is drawn and what a click names agree.
 */
import type { StructureId } from './anatomy/structures.ts'
import type { Vec3, ViewState } from './viewState.ts'

/** `auto`: open whenever the disease is shown; `on` / `off`: the user's choice. */
export const CUTAWAY_CHOICES = ['auto', 'on', 'off'] as const
export type CutawayChoice = (typeof CUTAWAY_CHOICES)[number]

/**
 * What the window cuts: the layers over the head from the front. Never the femur, the head's
 * cartilage, the lesion or the arteries: they are what the window is for, or thin enough to
 * see past.
 */
export const CUTAWAY_STRUCTURES = ['hipBone', 'labrum', 'acetabularCartilage', 'jointCapsule'] as const satisfies readonly StructureId[]

/**
 * Window radius beyond the bony head radius, mm [design choice]: the head's cartilage (≈2 mm)
 * plus a ring of cut socket around it, so the head reads as sitting in its socket.
 */
export const CUTAWAY_MARGIN_MM = 9

/**
 * How far from the head centre the window cuts, mm [design choice]: the socket's wall around
 * the head. Bone further away is left whole (seen as its surface through the window), so only
 * the bone near the head needs the window's shader and cut faces (scene/disease/cutawayFaces.ts).
 */
export const CUTAWAY_REACH_MM = 70

/** The user's wish, before the views that make the window pointless are taken into account. */
export function cutawayWanted(state: Pick<ViewState, 'cutaway' | 'stage' | 'procedure'>): boolean {
  if (state.cutaway !== 'auto') return state.cutaway === 'on'
  // Students at stage 0 see the intact pelvis; a treatment shows its own instruments and
  // implants, whose steps were drawn for the closed socket.
  return state.stage > 0 && state.procedure === null
}

/**
 * Whether the window is drawn. A cut (cross-section) or the see-through bones already show the
 * head, and the window would cut into their pictures, so it closes for them.
 */
export function cutawayShown(state: Pick<ViewState, 'cutaway' | 'stage' | 'procedure' | 'section' | 'faded'>): boolean {
  return cutawayWanted(state) && state.section === null && !state.faded.includes('hipBone')
}

/**
 * True when the window removes the point `p` (model frame, mm) seen from the eye `eye`: it lies
 * in the cone from the eye through the head centre whose radius at the centre's depth is
 * `radius`, in front of the plane through the centre facing the eye (bone behind the head is
 * never cut), and within CUTAWAY_REACH_MM of the centre. Same formula as `dzWindow` in scene/disease/shaders.ts.
 */
export function insideCutaway(p: Vec3, eye: Vec3, headCentre: Vec3, radius: number): boolean {
  if (!(radius > 0)) return false
  const ax = headCentre[0] - eye[0]
  const ay = headCentre[1] - eye[1]
  const az = headCentre[2] - eye[2]
  const dist = Math.hypot(ax, ay, az)
  if (dist < 1e-6) return false
  const dx = p[0] - eye[0]
  const dy = p[1] - eye[1]
  const dz = p[2] - eye[2]
  const t = (dx * ax + dy * ay + dz * az) / dist
  if (t <= 0 || t >= dist) return false
  if (Math.hypot(p[0] - headCentre[0], p[1] - headCentre[1], p[2] - headCentre[2]) >= CUTAWAY_REACH_MM) return false
  const rho = Math.sqrt(Math.max(0, dx * dx + dy * dy + dz * dz - t * t))
  return (rho * dist) / t < radius
}
