/**
 * Hip resurfacing, planned from the hip's landmarks (clinical reference §6.6): the socket reamed
 * and a thin monoblock cup pressed in (sized like the THA shell, ./thrPlanner.ts planSocket);
 * on the head a guide pin along the neck axis in slight valgus, a cylindrical (sleeve) reamer
 * to the cap's inner size, a planar head-height cut, a chamfer, a peg hole, and the cap cemented
 * on with its peg up the neck. The cap's bearing matches the cup's inside (metal on metal).
 *
 * Frame: mm, the right-hip model frame (origin at the native head centre); the scene mirrors a
 * left hip. Sizes and rules: ./replacementSizes.ts.
 */
import type { HipLandmarks } from '../../anatomy/landmarks.ts'
import type { LesionGeometry } from '../../lesion/geometry.ts'
import { angleDeg, dot, madd, normalise, rotateToward, scale, sub, type Vec3 } from '../../vec3.ts'
import type { FemurPose } from '../frame.ts'
import { capGeometry, type CapGeometry } from './capDesign.ts'
import { dislocatedFemur } from './dislocation.ts'
import { REPLACEMENT_SIZES } from './replacementSizes.ts'
import { planSocket, type CupPlan, type ReamerPass } from './thrPlanner.ts'

/** A plane across the cap's axis, at `y` mm from the head centre along it. */
export interface AxialCut {
  readonly point: Vec3
  /** Unit normal toward the bone taken away (up the cap's axis). */
  readonly normal: Vec3
}

export interface ResurfacingPlan {
  readonly reaming: readonly ReamerPass[]
  readonly reamedSocket: CupPlan
  readonly cup: CupPlan
  /** The cap's bearing centre (the native head centre: offset and leg length kept). */
  readonly capCentre: Vec3
  /** The bony head's radius about that centre (under its cartilage), mm: where the reamers start. */
  readonly headRadius: number
  /** Unit axis of the cap, the guide pin and every femoral reamer, toward the dome. */
  readonly axis: Vec3
  /** Valgus of the axis against the neck axis, in the neck's plane (°; negative = varus). */
  readonly valgusDeg: number
  readonly cap: CapGeometry
  readonly guidePin: { readonly entry: Vec3; readonly tip: Vec3; readonly diameter: number }
  /** The sleeve reamer: its inner diameter is the cap's inner size; it cuts down to `to`. */
  readonly sleeveReamer: { readonly diameter: number; readonly to: Vec3 }
  readonly headHeightCut: AxialCut
  /** The chamfer: a cone of this half-angle from the cylinder at `from` to the flat top. */
  readonly chamfer: { readonly from: Vec3; readonly to: Vec3; readonly angleDeg: number }
  readonly pegHole: { readonly entry: Vec3; readonly tip: Vec3; readonly diameter: number }
  /**
   * Where the femur is drawn: at rest, dislocated (the head delivered out of the socket into the
   * wound, as for a THA: ./dislocation.ts) while the socket and the head are worked on, and
   * reduced (the capped head back in the cup, the stage's migration gone: the head's height is
   * restored by the cap).
   */
  readonly femur: { readonly rest: FemurPose; readonly out: FemurPose; readonly reduced: FemurPose }
}

export interface ResurfacingOptions {
  readonly inclinationDeg?: number
  readonly anteversionDeg?: number
}

const S = REPLACEMENT_SIZES

export function planResurfacing(lm: HipLandmarks, options: ResurfacingOptions = {}): ResurfacingPlan {
  const inclinationDeg = options.inclinationDeg ?? S.cupInclination.value
  const anteversionDeg = options.anteversionDeg ?? S.cupAnteversion.value
  const socket = planSocket(lm, inclinationDeg, anteversionDeg, S.resurfacingCupWall.value)
  const { min, max } = S.resurfacingSizes.value
  // Metal on metal: the cap's bearing is the cup's inside, within the series' component sizes.
  const capSize = Math.min(max, Math.max(min, socket.cup.innerDiameter))
  const cap = capGeometry(capSize, lm.femoralHead.radius)

  const centre = lm.femoralHead.centre
  const neck = normalise(lm.neckAxis.direction)
  const up = normalise(lm.shaftAxis.direction)
  // Valgus: the neck axis turned toward the shaft's axis (up), in the neck's plane.
  const axis = rotateToward(neck, up, S.pinValgus.value)
  const valgusDeg = angleDeg(neck, axis) * Math.sign(dot(axis, up) - dot(neck, up))
  const at = (y: number): Vec3 => madd(centre, axis, y)

  const pinLength = lm.femoralHead.cartilageRadius + 60
  const out = dislocatedFemur(lm)
  const still = { pivot: out.pivot, axis: out.axis, angleDeg: 0, shift: [0, 0, 0] as Vec3 }
  return {
    reaming: socket.reaming,
    reamedSocket: socket.reamed,
    cup: socket.cup,
    capCentre: centre,
    headRadius: lm.femoralHead.radius,
    axis,
    valgusDeg,
    cap,
    guidePin: { entry: at(lm.femoralHead.cartilageRadius + 5), tip: at(lm.femoralHead.cartilageRadius + 5 - pinLength), diameter: S.guidePin.value },
    sleeveReamer: { diameter: cap.innerDiameter, to: at(cap.rimY) },
    headHeightCut: { point: at(cap.topY), normal: axis },
    chamfer: { from: at(cap.chamferY), to: at(cap.topY), angleDeg: S.chamferDeg.value },
    pegHole: { entry: at(cap.topY), tip: at(cap.peg.tipY), diameter: 2 * cap.peg.radius },
    femur: { rest: { ...still, migration: 1 }, out, reduced: { ...still, migration: 0 } },
  }
}

/** The least bone left between the necrotic cavity and the cap's rim, along the cap's axis (mm; design choice). */
const CAVITY_ABOVE_RIM = 2

/**
 * The necrotic and cystic bone cleared from the shaped head before the cap is cemented (§6.6
 * step 4, "remove necrotic or cystic bone"): the lesion's bowl (the same share of its half-axes
 * as the head-preserving operations clear), shrunk until it lies wholly in the part of the head
 * the cap covers, above its rim, so the clearing never opens the neck below the cap.
 */
export function necrosisUnderCap(
  plan: ResurfacingPlan,
  lesion: LesionGeometry,
  target: Vec3,
  share: number,
): { readonly centre: Vec3; readonly axes: readonly [Vec3, Vec3, Vec3]; readonly radii: Vec3 } {
  const axes: readonly [Vec3, Vec3, Vec3] = [lesion.lateral, lesion.anterior, lesion.centre]
  let radii: Vec3 = scale(lesion.semiAxesMm, share)
  const floor = plan.cap.rimY + CAVITY_ABOVE_RIM
  const lowest = (r: Vec3) => {
    let low = Infinity
    const n = 200
    for (let i = 0; i < n; i++) {
      const polar = Math.acos(1 - (2 * (i + 0.5)) / n)
      const turn = i * 2.399963229728653 // golden angle: an even spread
      const local = [Math.sin(polar) * Math.cos(turn), Math.sin(polar) * Math.sin(turn), Math.cos(polar)] as const
      let q: Vec3 = target
      for (let k = 0; k < 3; k++) q = madd(q, axes[k]!, local[k]! * r[k]!)
      low = Math.min(low, dot(sub(q, plan.capCentre), plan.axis))
    }
    return low
  }
  while (lowest(radii) < floor && radii[0] > 0.5) radii = scale(radii, 0.97)
  return { centre: target, axes, radii }
}
