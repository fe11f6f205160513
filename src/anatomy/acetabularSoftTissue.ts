/**
 * Soft tissue of the socket, built on the shared acetabulum geometry:
 * - the acetabular cartilage on the horseshoe-shaped lunate surface (2.0 mm under the
 *   roof, 1.5 mm at the horns; none on the fossa);
 * - the labrum, a triangular ring on the rim, widest anterosuperiorly (Tan 2001);
 * - the transverse acetabular ligament bridging the notch between the horns.
 */
import type { AcetabulumGeometry } from './acetabulumGeometry.ts'
import type { HipFrames } from './frames.ts'
import type { MeshData } from './meshData.ts'
import { ringsToMesh, shellFromGrids } from './shellGrid.ts'
import { smoothPath, tubeMesh } from './tube.ts'
import { add, cross, madd, norm, scale, type V3 } from './vec.ts'

const dirOf = (acet: AcetabulumGeometry, theta: number, phi: number): V3 => {
  // theta from the pole (−axis), phi azimuth (0 superior, π/2 anterior)
  const m = add(scale(acet.sup, Math.cos(phi)), scale(acet.ant, Math.sin(phi)))
  return norm(add(scale(acet.axis, -Math.cos(theta)), scale(m, Math.sin(theta))))
}
const rimTheta = (acet: AcetabulumGeometry, phi: number, inset: number): number => {
  const h = acet.rimHeight(phi)
  return Math.acos(Math.max(-1, Math.min(1, -h / acet.radius))) - inset / acet.radius
}
const fossaTheta = (acet: AcetabulumGeometry, phi: number, maxTheta: number): number => {
  // leave the fossa: first theta along the meridian where fossaAngle > 0
  let th = 0
  const step = 0.004
  while (th < maxTheta && acet.fossaAngle(dirOf(acet, th, phi)) < 0) th += step
  return th
}

/** Azimuth range of the lunate surface (from the posterior horn round to the anterior). */
export function lunateRange(acet: AcetabulumGeometry): [number, number] {
  const ok = (phi: number) => rimTheta(acet, phi, 1.2) - fossaTheta(acet, phi, Math.PI) > 3 / acet.radius
  let a = Math.PI
  while (!ok(a)) a += 0.005
  let b = Math.PI
  while (!ok(b)) b -= 0.005
  return [a, b + 2 * Math.PI]
}

export function acetabularCartilageMesh(f: HipFrames, acet: AcetabulumGeometry, rows = 30, cols = 220): MeshData {
  const R = acet.radius
  const [p0, p1] = lunateRange(acet)
  const outer: V3[][] = []
  const inner: V3[][] = []
  const tRoof = f.hip.acetabularCartilageRoof
  const tHorn = f.hip.acetabularCartilageHorns
  const th0: number[] = []
  const th1: number[] = []
  for (let j = 0; j <= cols; j++) {
    const phi = p0 + ((p1 - p0) * j) / cols
    th1.push(rimTheta(acet, phi, 1.2))
    th0.push(Math.min(fossaTheta(acet, phi, Math.PI), th1[j]! - 1.5 / R))
  }
  for (let i = 0; i <= rows; i++) {
    const s = 0.5 - 0.5 * Math.cos((Math.PI * i) / rows)
    const ro: V3[] = []
    const ri: V3[] = []
    for (let j = 0; j <= cols; j++) {
      const phi = p0 + ((p1 - p0) * j) / cols
      const th = th0[j]! + (th1[j]! - th0[j]!) * s
      const d = dirOf(acet, th, phi)
      const roof = Math.pow((1 + Math.cos(phi)) / 2, 1.5)
      // thins toward both borders and toward the horns
      const border = 0.55 + 0.45 * Math.sin(Math.PI * Math.min(1, Math.max(0, s)))
      const hornT = Math.min(1, Math.min(j, cols - j) / (cols * 0.06))
      const t = (tHorn + (tRoof - tHorn) * roof) * (0.6 + 0.4 * border) * (0.5 + 0.5 * hornT)
      ri.push(scale(d, R - t)) // articular surface (faces the head)
      ro.push(scale(d, R + 0.3)) // embedded in the bone
    }
    outer.push(ro)
    inner.push(ri)
  }
  return shellFromGrids(outer, inner, false)
}

/** Triangular labrum profile along the rim, from the posterior horn to the anterior horn. */
export function labrumMesh(acet: AcetabulumGeometry, samples = 200): MeshData {
  const [p0, p1] = lunateRange(acet)
  const R = acet.radius
  const rings: V3[][] = []
  const ext = 0.12 // run a little into the notch, where the transverse ligament continues it
  for (let i = 0; i <= samples; i++) {
    const phi = p0 - ext + ((p1 - p0 + 2 * ext) * i) / samples
    const p = acet.rimPoint(phi)
    const nr = norm(p) // outward from the joint centre
    const tang = norm(cross(acet.axis, nr))
    const mer = norm(cross(nr, tang)) // along the meridian, toward the opening
    const m = mer[0] * acet.axis[0] + mer[1] * acet.axis[1] + mer[2] * acet.axis[2] < 0 ? scale(mer, -1) : mer
    // width 5.5 mm anterosuperiorly, ≈4 mm posteroinferiorly (Tan 2001: widest ant/sup)
    const w = 4.2 + 1.8 * Math.max(0, Math.cos(phi - 0.6))
    const endTaper = Math.min(1, Math.min(i, samples - i) / (samples * 0.04))
    const ww = w * (0.45 + 0.55 * endTaper)
    const apex = madd(madd(p, m, ww), nr, -(ww * ww) / (2 * R) - 0.2)
    const baseIn = madd(madd(p, nr, -0.35), m, -1.2)
    const baseOut = madd(madd(p, nr, 3.6 * (0.6 + 0.4 * endTaper)), m, -1.6)
    const top = madd(madd(p, nr, 1.6), m, ww * 0.55)
    rings.push([baseIn, apex, top, baseOut])
  }
  return ringsToMesh(rings)
}

export function transverseLigamentMesh(acet: AcetabulumGeometry): MeshData {
  const [p0, p1] = lunateRange(acet)
  // Bridge the notch at the height of the horns (continuing the labral ring).
  const a = p1 - 2 * Math.PI + 0.05
  const b = p0 - 0.05
  const hA = acet.rimHeight(a)
  const hB = acet.rimHeight(b)
  const ctrl: V3[] = []
  for (let i = 0; i <= 8; i++) {
    const t = i / 8
    const phi = a + (b - a) * t
    const h = hA + (hB - hA) * t - 1.0
    const dir = add(scale(acet.sup, Math.cos(phi)), scale(acet.ant, Math.sin(phi)))
    const r = Math.sqrt(acet.radius * acet.radius - h * h) + 0.8
    ctrl.push(madd(scale(acet.axis, h), dir, r))
  }
  return tubeMesh({ path: smoothPath(ctrl, 1.0), r0: 2.8, r1: 2.8, flat: 0.7, up: acet.axis, segments: 14 })
}
