/**
 * Joint capsule: a fibrous sleeve from 5–6 mm beyond the labrum on the pelvis to the
 * intertrochanteric line in front, the base of the neck on top, ≈1 cm above the
 * intertrochanteric crest behind, and near the lesser trochanter below; thickest
 * anterosuperiorly (iliofemoral ligament), thin posteroinferiorly, with the zona
 * orbicularis as a circular thickening round the neck (clinical.md §2.2). Lofted between
 * the two attachment rings, then pushed out to clear bone, cartilage and labrum.
 */
import type { AcetabulumGeometry } from './acetabulumGeometry.ts'
import type { HipFrames } from './frames.ts'
import type { MeshData } from './meshData.ts'
import { pushOut } from './project.ts'
import type { Sdf } from './sdf.ts'
import { shellFromGrids } from './shellGrid.ts'
import { add, cross, dot, lerp, madd, norm, scale, type V3 } from './vec.ts'

export function jointCapsuleMesh(f: HipFrames, acet: AcetabulumGeometry, femurSdf: Sdf, clearSdf: Sdf, rows = 26, cols = 120): MeshData {
  const m = norm(add(acet.axis, scale(f.neckDir, -1)))
  const e1 = norm(cross(cross(m, [0, 1, 0]), m)) // superior across the joint
  const e2 = norm(cross(m, e1)) // anterior or posterior
  const antSign = e2[2] >= 0 ? 1 : -1
  const outer: V3[][] = []
  const inner: V3[][] = []
  const pelvic: V3[] = []
  const femoral: V3[] = []
  for (let j = 0; j < cols; j++) {
    const psi = (2 * Math.PI * j) / cols
    const dir = norm(add(scale(e1, Math.cos(psi)), scale(e2, Math.sin(psi) * antSign)))
    // pelvic ring: the rim point in this direction, 6 mm further out and slightly back
    const phi = acet.azimuth(dir)
    const rp = acet.rimPoint(phi)
    pelvic.push(madd(madd(rp, norm(rp), 7.5), acet.axis, -2.5))
    // femoral ring: distance along the neck axis by quadrant
    const ant = Math.sin(psi) // +1 anterior
    const sup = Math.cos(psi)
    const along = 40 + 6 * Math.max(0, ant) - 7 * Math.max(0, -ant) + 3 * Math.max(0, -sup)
    const base = scale(f.neckDir, -along)
    // march outward to the bone surface
    const radial = norm(madd(dir, f.neckDir, -dot(dir, f.neckDir)))
    let r = 8
    while (r < 60 && femurSdf(...(madd(base, radial, r) as [number, number, number])) < 0) r += 0.5
    femoral.push(madd(base, radial, r + 0.4))
  }
  for (let i = 0; i <= rows; i++) {
    const t = i / rows
    const ro: V3[] = []
    const ri: V3[] = []
    for (let j = 0; j < cols; j++) {
      const psi = (2 * Math.PI * j) / cols
      const ant = Math.sin(psi)
      const sup = Math.cos(psi)
      let p = lerp(pelvic[j]!, femoral[j]!, t)
      // bulge outward from the joint axis in the middle of the sleeve
      const axisPoint = scale(m, dot(p, m))
      const out = norm(madd(p, axisPoint, -1))
      p = madd(p, out, 6 * Math.sin(Math.PI * t))
      if (t > 0.02 && t < 0.98) p = pushOut(clearSdf, p, 1.0, 4)
      const thick =
        1.2 + 1.6 * Math.max(0, 0.5 * (ant + sup)) + 0.6 * Math.max(0, ant) + 1.2 * Math.exp(-(((t - 0.62) / 0.08) ** 2))
      const taper = Math.min(1, Math.min(t, 1 - t) / 0.06) * 0.85 + 0.15
      ri.push(p)
      ro.push(madd(p, out, thick * taper))
    }
    outer.push(ro)
    inner.push(ri)
  }
  return shellFromGrids(outer, inner, true)
}
