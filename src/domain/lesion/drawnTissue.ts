/**
 * Where the disease shaders drop tissue or draw another tissue in its place, as pure maths, so
 * that picking, hover and labels name what the picture shows (scene/visibility). Each rule
 * mirrors one shader and names it:
 * - worn-through cartilage: the cartilage surfaces' fragment discards (DZ_HEAD_FRAGMENT,
 *   DZ_ACET_FRAGMENT in scene/disease/shaders.ts);
 * - the cut faces of the femur's solids and of the cartilage (scene/disease/sectionCaps.ts): over
 *   the sunken head they show the sunken cartilage, joint fluid or nothing; the cancellous face
 *   shows the subchondral plate under the sunken surface.
 * - where a point of the head is drawn once it has collapsed and, at stage IV, worn flat against
 *   the socket: the head's vertex shader (dzCollapse and the remodelling after it).
 * Points are in the model frame (mm; the femur's at its drawn, possibly migrated, place), except
 * where a function says otherwise.
 */
import type { StructureId } from '../anatomy/structures.ts'
import type { CutSolid } from '../section.ts'
import type { Vec3 } from '../viewState.ts'
import { cartilageFit, collapseDepthAt, displacePoint, drawnHeadPoint, FOOTPRINT_PROBE_MM, radialWeight, remodelLimit, smoothstep, type CollapseParams, type JointFit, type Remodelling } from './collapse.ts'
import type { DiseaseAnatomy } from './diseaseAnatomy.ts'
import { interfaceDistance, type LesionGeometry } from './geometry.ts'
import { shaderNoise } from './shaderNoise.ts'
import { craterNoise, wornThrough } from './cartilageWear.ts'

/** The disease as drawn now: the anatomy, the lesion and the displayed stage's values (as the shaders' uniforms hold them). */
export interface DrawnDisease {
  readonly anatomy: DiseaseAnatomy
  readonly lesion: LesionGeometry
  readonly collapseMm: number
  /** Share of the cartilage's thickness kept over the lesion and elsewhere on the head, and in the socket. */
  readonly cartLesion: number
  readonly cartElsewhere: number
  readonly acetCart: number
  readonly jointSpaceMm: number
  /** The femur's stage IV migration (model frame, mm). */
  readonly shift: Vec3
}

/** What a cut face shows at a point: its own solid, the sunken cartilage, joint fluid, the subchondral plate, or nothing (dropped). */
export type CutFace = 'own' | 'cartilage' | 'fluid' | 'plate' | 'none'

/** Thickness of the subchondral plate drawn under a sunken surface, mm (PLATE_MM of the cap shader). */
const PLATE_MM = 1.2

const mix = (a: number, b: number, t: number) => a + (b - a) * t
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
const length = (v: Vec3) => Math.hypot(v[0], v[1], v[2])
const unit = (v: Vec3): Vec3 => {
  const l = Math.max(length(v), 1e-3)
  return [v[0] / l, v[1] / l, v[2] / l]
}
const angle = (a: Vec3, b: Vec3) => Math.acos(Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])))
const noise = (dir: Vec3, scale: number, offset: number) => shaderNoise(dir[0] * scale + offset, dir[1] * scale + offset, dir[2] * scale + offset)

function collapseOf(d: DrawnDisease): CollapseParams {
  return { lesion: d.lesion, depthMm: d.collapseMm }
}

function jointFitOf(d: DrawnDisease): JointFit {
  const a = d.anatomy
  return {
    restJointSpaceMm: a.jointSpaceRestMm,
    jointSpaceMm: d.jointSpaceMm,
    shift: d.shift,
    headCartilageMm: a.headCartilageMm,
    acetCartilageMm: a.acetCartilageMm,
    headFactor: d.cartElsewhere,
    acetFactor: d.acetCart,
    acetAxis: a.acetAxis,
    rimAngle: a.rimAngle,
  }
}

function remodellingOf(d: DrawnDisease): Remodelling {
  const a = d.anatomy
  return {
    shift: d.shift,
    socketCentre: sub(a.acetCentre, a.headCentre),
    socketRadiusMm: a.acetRadius,
    jointSpaceMm: d.jointSpaceMm,
    acetAxis: a.acetAxis,
    rimAngle: a.rimAngle,
  }
}

/** Signed distance (mm) of the lesion's footprint on the head surface in direction `dir` (< 0 inside): dzFootprint. */
function footprint(dir: Vec3, d: DrawnDisease): number {
  const r = d.anatomy.headRadius - FOOTPRINT_PROBE_MM
  return interfaceDistance([dir[0] * r, dir[1] * r, dir[2] * r], d.lesion)
}

/**
 * Whether the cartilage surface of `structure` is dropped at the model point `p` (worn through,
 * or the ulcer over the collapsed segment): DZ_HEAD_FRAGMENT / DZ_ACET_FRAGMENT.
 */
export function cartilageSurfaceDropped(structure: StructureId, p: Vec3, d: DrawnDisease): boolean {
  const a = d.anatomy
  if (structure === 'acetabularCartilage') {
    const hq = unit(sub(p, a.acetCentre))
    return cartilageFit(hq, collapseOf(d), jointFitOf(d)) * (0.55 + 0.45 * noise(hq, 6, 5.2)) < 0.2
  }
  if (structure !== 'femoralHeadCartilage') return false
  // The femur's structures compute in its rest frame.
  const q = sub(sub(p, d.shift), a.headCentre)
  const r = length(q)
  const R = a.headRadius
  if (r >= R + 14) return false
  const dir = unit(q)
  const beta = angle(dir, a.neckDir)
  const near = smoothstep(0.35 * R, 0.6 * R, r)
  const head = smoothstep(a.junctionAngle - 0.05, a.junctionAngle + 0.12, beta) * near * (1 - smoothstep(R + 5, R + 9, r))
  if (wornThrough(footprint(dir, d), angle(dir, d.lesion.centre), head * (1 - d.cartLesion), craterNoise(dir))) return true
  return cartilageFit(dir, collapseOf(d), jointFitOf(d)) * (0.55 + 0.45 * noise(dir, 6, 1.7)) < 0.2
}

/** What the cut face of `solid` shows at the model point `p` on the cutting plane (the cap shaders). */
export function cutFaceAt(solid: CutSolid, p: Vec3, d: DrawnDisease): CutFace {
  const a = d.anatomy
  if (solid === 'hipBone') return 'own'
  if (solid === 'acetabularCartilage') {
    const dir = unit(sub(p, a.acetCentre))
    const kept = d.acetCart * cartilageFit(dir, collapseOf(d), jointFitOf(d))
    return a.acetRadius - length(sub(p, a.acetCentre)) > a.acetCartilageMm * kept ? 'none' : 'own'
  }
  // The femur's solids: in its rest frame. Fluid only fills the joint, inside the socket's bony surface.
  const inSocket = length(sub(p, a.acetCentre)) < a.acetRadius
  const q = sub(sub(p, d.shift), a.headCentre)
  const r = length(q)
  const dir = unit(q)
  const R = a.headRadius
  const head = angle(dir, a.neckDir) >= a.junctionAngle && r <= R + 6 ? 1 : 0
  const collapse = collapseOf(d)
  let surf = R - collapseDepthAt(dir, collapse) * radialWeight(r, R) * head
  if (d.jointSpaceMm < a.jointSpaceRestMm) {
    const { reach, cover } = remodelLimit(dir, remodellingOf(d))
    surf = Math.min(surf, mix(surf, reach, cover * head))
  }
  const sunk = R - surf
  const edge = footprint(dir, d)
  const overLesion = 1 - smoothstep(-1, 1, edge)
  const t = mix(d.cartElsewhere, d.cartLesion, overLesion) * cartilageFit(dir, collapse, jointFitOf(d))
  const dome = a.headCartilageMm
  if (solid === 'femoralHeadCartilage') {
    if (head && r < surf) return 'none'
    if (head && r > surf + dome * t) return sunk > 0.05 && r <= R + dome && inSocket ? 'fluid' : 'none'
    if (head && wornThrough(edge, angle(dir, d.lesion.centre), 1 - d.cartLesion, craterNoise(dir))) return sunk > 0.05 && inSocket ? 'fluid' : 'none'
    return 'own'
  }
  // The femur's cortex and its cancellous core: the sunken cartilage, then fluid, over the sunken surface.
  if (sunk > 0 && r > surf) {
    if (r < surf + dome * t && !wornThrough(edge, angle(dir, d.lesion.centre), 1 - d.cartLesion, craterNoise(dir))) return 'cartilage'
    return inSocket ? 'fluid' : 'none'
  }
  if (solid === 'femurCancellous' && sunk > 0 && r > surf - PLATE_MM) return 'plate'
  return 'own'
}

/**
 * Where the head's vertex shader draws the femur's point `p` (model frame, the femur at rest; the
 * result in the same frame): sunk with the collapse over the lesion and, at stage IV, worn flat
 * against the socket. Points away from the head (beyond its radial window) stay where they are.
 */
export function drawnFemurPoint(p: Vec3, d: DrawnDisease): Vec3 {
  const c = d.anatomy.headCentre
  // The shader wears the head flat only once the joint space has narrowed (uJointSpace < uJointSpaceRest).
  const q = d.jointSpaceMm < d.anatomy.jointSpaceRestMm ? drawnHeadPoint(sub(p, c), collapseOf(d), remodellingOf(d)) : displacePoint(sub(p, c), collapseOf(d))
  return [c[0] + q[0], c[1] + q[1], c[2] + q[2]]
}
