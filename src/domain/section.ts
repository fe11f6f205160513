/**
 * The cross-section: a cutting plane through the model, as a named anatomical plane through the
 * centre of the femoral head (moved along its normal by `offset` mm) or a free plane facing the
 * viewer. Pure maths; the scene turns it into clipping planes and solid caps.
 *
 * Which half is kept: the one that faces the matching camera view (front for coronal, top for
 * axial, the outer side for sagittal), so choosing a plane and its view shows the cut face.
 * `flip` keeps the other half. A plane chosen by the user is fitted to where they look
 * (`cutChoice`), and a link with a cut and no view frames the cut face (`viewFacingCut`).
 */
import type { StructureId } from './anatomy/structures.ts'
import type { CameraPose, NamedView, Side, Vec3 } from './viewState.ts'
import { VIEW_DIRECTIONS } from './cameraViews.ts'
import { round } from './rounding.ts'

export const SECTION_PLANES = ['coronal', 'axial', 'sagittal', 'free'] as const
export type SectionPlane = (typeof SECTION_PLANES)[number]

/**
 * The closed solids whose cut faces a cut draws, in drawing order: where several contain a point
 * of the plane, the face of the last one is drawn (the cancellous core inside the cortex, the
 * cartilage over the bone). The section's caps draw in this order and picking follows it.
 */
export const CUT_SOLIDS = ['hipBone', 'femur', 'femurCancellous', 'femoralHeadCartilage', 'acetabularCartilage'] as const satisfies readonly StructureId[]
export type CutSolid = (typeof CUT_SOLIDS)[number]

/** How far the plane may move from the head centre (mm): beyond it nothing of the hip is cut. */
export const SECTION_OFFSET_LIMIT = 120

export interface SectionState {
  readonly plane: SectionPlane
  /** Distance of the plane from the centre of the femoral head along its normal (mm). */
  readonly offset: number
  readonly flip: boolean
  /** Unit normal of a free plane (model frame, right hip); ignored for named planes. */
  readonly normal: Vec3
}

/** Normals of the named planes for a right hip, pointing into the half that is kept. */
const PRESET_NORMALS: Record<Exclude<SectionPlane, 'free'>, Vec3> = {
  // Keep the back half: seen from the front, the cut shows the head as on a coronal MRI.
  coronal: [0, 0, -1],
  // Keep the lower half: seen from above, the cut crosses the head and the acetabulum.
  axial: [0, -1, 0],
  // Keep the medial half (+X is medial for a right hip): seen from the side.
  sagittal: [1, 0, 0],
}

export interface ClipPlane {
  /** Unit normal; points into the kept half. */
  readonly normal: Vec3
  /** three.js Plane constant: a point p is kept when normal·p + constant >= 0. */
  readonly constant: number
}

export function clipPlaneOf(section: SectionState, side: Side): ClipPlane {
  const base = section.plane === 'free' ? section.normal : PRESET_NORMALS[section.plane]
  const length = Math.hypot(...base) || 1
  const mirror = side === 'left' && section.plane !== 'free' ? -1 : 1
  const sign = section.flip ? -1 : 1
  const normal: Vec3 = [(sign * mirror * base[0]) / length, (sign * base[1]) / length, (sign * base[2]) / length]
  // The plane passes through offset x (unflipped normal); flipping keeps the plane where it is
  // and only swaps the kept half. For a plane through P0 = offset * n: constant = -normal·P0.
  return { normal, constant: -sign * section.offset }
}

/** A free plane that faces the viewer: its kept half is the one away from the camera. */
export function facingSection(cameraPosition: Vec3, target: Vec3): SectionState {
  const d: Vec3 = [target[0] - cameraPosition[0], target[1] - cameraPosition[1], target[2] - cameraPosition[2]]
  const l = Math.hypot(...d) || 1
  const normal: Vec3 = [d[0] / l, d[1] / l, d[2] / l]
  // Through the target: the plane's position along its normal is normal·target.
  const offset = normal[0] * target[0] + normal[1] * target[1] + normal[2] * target[2]
  return { plane: 'free', offset, flip: false, normal }
}

/** Decimals of a free plane's normal and of the offset, in the link and the store alike. */
export const NORMAL_DECIMALS = 4
export const OFFSET_DECIMALS = 1

/**
 * A free plane's normal as the link keeps it: made unit length, then rounded. A normal that is
 * unit already (within what rounding leaves) is only rounded, so reading a written normal gives
 * back the same numbers. Null for a vector too short to have a direction.
 */
export function linkNormal(v: Vec3): Vec3 | null {
  const length = Math.hypot(...v)
  if (!(length >= 1e-6)) return null
  const k = Math.abs(length - 1) <= 1e-3 ? 1 : length
  const r = (x: number) => round(x / k, NORMAL_DECIMALS)
  return [r(v[0]), r(v[1]), r(v[2])]
}

/** A section with the link's rounding applied (store and link hold the same numbers). */
export function linkSection(section: SectionState): SectionState | null {
  const offset = round(Math.max(-SECTION_OFFSET_LIMIT, Math.min(SECTION_OFFSET_LIMIT, section.offset)), OFFSET_DECIMALS)
  if (section.plane !== 'free') return { ...section, offset }
  const normal = linkNormal(section.normal)
  return normal && { ...section, offset, normal }
}

/**
 * The named view that looks at a named plane's cut face, if one does: a link with a cut and
 * neither a view nor a camera opens there (domain/urlState.ts), so `cut=axial` shows the face, not
 * its edge from the front. (No named view looks from below or from the inner side.)
 */
export function viewFacingCut(section: SectionState): NamedView | null {
  switch (section.plane) {
    case 'coronal':
      return section.flip ? 'posterior' : 'anterior'
    case 'axial':
      return section.flip ? null : 'superior'
    case 'sagittal':
      return section.flip ? null : 'lateral'
    default:
      return null
  }
}

/** A cut face is seen when the view looks at it within this angle's cosine of face-on (60°). */
const FACING_MIN = 0.5

/** Unit direction from the target toward the eye, in the world (a left hip mirrored). */
function eyeDirection(view: NamedView | null, camera: CameraPose | null, side: Side): Vec3 {
  let d: Vec3
  if (view === null && camera) {
    const { position: p, target: t } = camera
    d = [p[0] - t[0], p[1] - t[1], p[2] - t[2]]
  } else {
    const [x, y, z] = VIEW_DIRECTIONS[view ?? 'anterior']
    d = [side === 'left' ? -x : x, y, z]
  }
  const l = Math.hypot(...d) || 1
  return [d[0] / l, d[1] / l, d[2] / l]
}

/**
 * What choosing a named plane does, seen from where the user looks: the cut face must show.
 * Looking at the face: the plane as named. Looking from behind it (the coronal cut from the back):
 * the other half is kept, so its face turns to the viewer and the camera stays. Seeing it edge-on
 * (the axial cut from the front): the camera turns to the view that faces it. One choice, so one
 * history entry either way.
 */
export function cutChoice(
  plane: Exclude<SectionPlane, 'free'>,
  state: { readonly view: NamedView | null; readonly camera: CameraPose | null; readonly side: Side },
): { section: SectionState; view: NamedView | null } {
  const section: SectionState = { plane, offset: 0, flip: false, normal: [0, 0, 1] }
  const eye = eyeDirection(state.view, state.camera, state.side)
  const { normal } = clipPlaneOf(section, state.side)
  // The normal points into the kept half; its face is seen from the removed side.
  const facing = -(eye[0] * normal[0] + eye[1] * normal[1] + eye[2] * normal[2])
  if (facing >= FACING_MIN) return { section, view: null }
  if (facing <= -FACING_MIN) return { section: { ...section, flip: true }, view: null }
  return { section, view: viewFacingCut(section) }
}
