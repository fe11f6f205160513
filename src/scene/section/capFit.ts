/**
 * Where on the cutting plane a solid's cap can show: the plane's section of the box that bounds
 * the solid as drawn. The cap's quad is fitted to it each frame (./sectionCaps.ts) rather than
 * spanning the whole view.
 *
 * Why: the caps are drawn only where the stencil says the plane lies inside the solid, but with
 * software WebGL (SwiftShader, as on a thin client without a GPU) every fragment of the quad is
 * shaded before the stencil throws it away. Five view-filling quads cost 440 of the 800 ms a
 * frame with the coronal cut took at 1280×720, against 240 ms without the cut (measured).
 */
import { Vector3, type Box3, type Matrix4, type Plane } from 'three'

/** A rectangle on the plane in the cap's own axes (`u`, `v`), about `origin`: centre and size (mm). */
export interface CapRect {
  readonly centreU: number
  readonly centreV: number
  readonly width: number
  readonly height: number
}

/** The 12 edges of a box, as pairs of corner indices (bit 0: x max, bit 1: y max, bit 2: z max). */
const EDGES: readonly (readonly [number, number])[] = [
  [0, 1], [2, 3], [4, 5], [6, 7],
  [0, 2], [1, 3], [4, 6], [5, 7],
  [0, 4], [1, 5], [2, 6], [3, 7],
]

const corners = Array.from({ length: 8 }, () => new Vector3())
const distances = new Float64Array(8)
const point = new Vector3()

/**
 * Tracks the extent, in the cap's axes `u` and `v` (unit vectors in the plane, read as they are
 * when points are added), of the points where boxes meet the plane. Reused frame after frame.
 */
export class CapExtent {
  private minU = Infinity
  private maxU = -Infinity
  private minV = Infinity
  private maxV = -Infinity
  private plane: Plane | null = null
  private readonly origin = new Vector3()

  constructor(
    private readonly u: Vector3,
    private readonly v: Vector3,
  ) {}

  /** Starts over on `plane`, measuring from `origin` (a point on it). */
  reset(plane: Plane, origin: Vector3): this {
    this.plane = plane
    this.origin.copy(origin)
    this.minU = this.minV = Infinity
    this.maxU = this.maxV = -Infinity
    return this
  }

  /** Adds where `box` (in its own frame), placed by `matrix`, meets the plane: its section is a convex polygon whose corners lie on the box's edges. */
  addBox(box: Box3, matrix: Matrix4): void {
    if (box.isEmpty() || !this.plane) return
    for (let i = 0; i < 8; i++) {
      corners[i]!.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).applyMatrix4(matrix)
      distances[i] = this.plane.distanceToPoint(corners[i]!)
    }
    for (const [a, b] of EDGES) {
      const da = distances[a]!
      const db = distances[b]!
      if ((da < 0 && db > 0) || (da > 0 && db < 0)) this.addPoint(point.lerpVectors(corners[a]!, corners[b]!, da / (da - db)))
    }
    for (let i = 0; i < 8; i++) if (distances[i] === 0) this.addPoint(corners[i]!)
  }

  /** The rectangle, widened by `margin` on every side, or null when no box met the plane. */
  rect(margin: number): CapRect | null {
    if (this.minU > this.maxU) return null
    return {
      centreU: (this.minU + this.maxU) / 2,
      centreV: (this.minV + this.maxV) / 2,
      width: this.maxU - this.minU + 2 * margin,
      height: this.maxV - this.minV + 2 * margin,
    }
  }

  private addPoint(p: Vector3): void {
    const du = p.x - this.origin.x
    const dv = p.y - this.origin.y
    const dw = p.z - this.origin.z
    const pu = du * this.u.x + dv * this.u.y + dw * this.u.z
    const pv = du * this.v.x + dv * this.v.y + dw * this.v.z
    this.minU = Math.min(this.minU, pu)
    this.maxU = Math.max(this.maxU, pu)
    this.minV = Math.min(this.minV, pv)
    this.maxV = Math.max(this.maxV, pv)
  }
}
