/**
 * Geometry of the acetabulum shared by the hip bone, the acetabular cartilage, the
 * labrum, the transverse ligament and the ligamentum teres: the bony sphere, an
 * undulating rim (higher posterior wall, lower anterior wall with the psoas notch, the
 * inferior acetabular notch), and the non-articular fossa running down to the notch.
 */
import type { HipFrames } from './frames.ts'
import { add, clamp, cross, dot, madd, norm, rotate, scale, type V3 } from './vec.ts'

export interface AcetabulumGeometry {
  readonly radius: number
  readonly axis: V3
  readonly sup: V3
  readonly ant: V3
  /** Rim height (offset of the rim along the axis) at azimuth φ (rad; 0 sup, π/2 ant). */
  rimHeight(phi: number): number
  /** Azimuth of a point around the axis. */
  azimuth(p: V3): number
  /** Point on the bony sphere at the rim, azimuth φ. */
  rimPoint(phi: number, radius?: number): V3
  /** Centre direction of the fossa and direction of the notch (unit). */
  readonly fossaDir: V3
  readonly notchDir: V3
  /** Angular half-width (rad) of the fossa along its centre→notch arc, t in [0, 1]. */
  fossaHalfWidth(t: number): number
  /** Angular distance (rad, approx.) of a direction from the fossa; negative inside. */
  fossaAngle(dir: V3): number
  readonly fossaDepth: number
  /** Notch azimuth range (rad) where the bony rim is interrupted. */
  readonly notchHalfWidth: number
}

/** Periodic piecewise-cosine interpolation through (azimuth°, value) knots. */
function periodicCurve(knots: readonly (readonly [number, number])[]): (phi: number) => number {
  const k = [...knots].sort((a, b) => a[0] - b[0])
  return (phi) => {
    let d = ((phi * 180) / Math.PI) % 360
    if (d < 0) d += 360
    for (let i = 0; i < k.length; i++) {
      const a = k[i]!
      const b = k[(i + 1) % k.length]!
      const b0 = i + 1 < k.length ? b[0] : b[0] + 360
      const dd = d < a[0] ? d + 360 : d
      if (dd >= a[0] && dd <= b0) {
        const t = (dd - a[0]) / (b0 - a[0])
        const s = (1 - Math.cos(Math.PI * t)) / 2
        return a[1] + (b[1] - a[1]) * s
      }
    }
    return k[0]![1]
  }
}

export function acetabulumGeometry(f: HipFrames): AcetabulumGeometry {
  const R = f.hip.acetabularRadius
  const axis = f.cupAxis
  const sup = f.rimSup
  const ant = f.rimAnt
  const h0 = f.rimOffsetCE
  // Rim height relative to the centre-edge point (azimuth 0 = superior). The CE knot is
  // exact; the others are [Inf] shapes from anatomy atlases: posterior wall higher,
  // anterior wall lower with the iliopectineal (psoas) notch, notch inferiorly.
  const rimHeight = periodicCurve([
    [0, h0],
    [40, h0 - 0.8],
    [72, h0 - 2.5], // psoas notch (iliopectineal groove under the iliopsoas tendon)
    [100, h0 - 1.5],
    [135, h0 - 2.5],
    [158, h0 - 8], // anterior horn of the notch
    [180, h0 - 12],
    [202, h0 - 8], // posterior horn
    [230, h0 + 1.0],
    [270, h0 + 2.0], // posterior wall, higher (kept small: it also sets the axial anteversion)
    [310, h0 + 1.5],
    [340, h0 + 0.5],
  ])
  const azimuth = (p: V3): number => {
    const a = Math.atan2(dot(p, ant), dot(p, sup))
    return a < 0 ? a + 2 * Math.PI : a
  }
  const rimPoint = (phi: number, radius = R): V3 => {
    const h = clamp(rimHeight(phi), -radius * 0.95, radius * 0.95)
    const dir = add(scale(sup, Math.cos(phi)), scale(ant, Math.sin(phi)))
    return madd(scale(axis, h), dir, Math.sqrt(radius * radius - h * h))
  }
  const pole = scale(axis, -1)
  const notchDir = norm(rimPoint(Math.PI))
  // Fossa centre: from the pole, 28° toward the notch and a little posterior [Inf].
  const toNotch = norm(cross(pole, notchDir))
  let fossaDir = rotate(pole, toNotch, (28 * Math.PI) / 180)
  fossaDir = rotate(fossaDir, pole, (-8 * Math.PI) / 180)
  const fossaHalfWidth = (t: number) => 0.55 - 0.1 * t
  const ax = fossaDir
  const bx = madd(notchDir, notchDir, 0.15) // run the fossa out through the rim
  const fossaAngle = (dir: V3): number => {
    const e: V3 = [bx[0] - ax[0], bx[1] - ax[1], bx[2] - ax[2]]
    const w: V3 = [dir[0] - ax[0], dir[1] - ax[1], dir[2] - ax[2]]
    const t = clamp(dot(w, e) / dot(e, e), 0, 1)
    const q: V3 = [w[0] - e[0] * t, w[1] - e[1] * t, w[2] - e[2] * t]
    return Math.hypot(q[0], q[1], q[2]) - fossaHalfWidth(t)
  }
  return {
    radius: R,
    axis,
    sup,
    ant,
    rimHeight,
    azimuth,
    rimPoint,
    fossaDir,
    notchDir,
    fossaHalfWidth,
    fossaAngle,
    fossaDepth: f.hip.fossaDepth,
    notchHalfWidth: (20 * Math.PI) / 180,
  }
}
