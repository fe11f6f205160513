/**
 * The fibula's vascular pedicle: the peroneal artery (red) between its two veins (blue), as tubes
 * along the centre line the timeline gives (domain/treatment/fibulaPedicle.ts), and — once it is
 * joined (`fill` 1) — the anastomosis on the LFCA's ascending branch: a pale cuff of stitches
 * round the artery's end, so the join reads at a glance (clinical.md §6.3 step 4).
 *
 * The line arrives in the model frame; the piece is placed like every other (its first point at
 * the origin, the graft's axis along +Y: ../placeObject.ts), so the geometry is built in that local
 * frame and, while the pedicle only rides along with the graft, it keeps one geometry.
 * Sizes: the vessels' radii are the graft's (domain PEDICLE); the veins run 2.4 mm to either side
 * of the artery and stop 4 points short of the join (the model draws no veins beside the branch to
 * join them to); the cuff is 2.6 artery radii wide and 5 mm long (design choices).
 */
import { Quaternion, Vector3, type BufferGeometry } from 'three'
import type { Vec3 } from '../../../domain/treatment/frame.ts'
import { PEDICLE } from '../../../domain/treatment/fibulaPedicle.ts'
import type { ObjectModel, PartPose } from '../objectModel.ts'
import { Surface, type P3 } from '../shapes/surface.ts'

export const PEDICLE_LOOK = { veinOffset: 2.4, cuffRadius: 2.6, cuffLength: 5, veinsShort: 4, sides: 10 } as const

/** The line in the piece's local frame: origin at `to`, +Y along `to − from` (spin 0). */
export function localPath(from: Vec3, to: Vec3, path: readonly Vec3[]): Vec3[] {
  const axis = new Vector3(to[0] - from[0], to[1] - from[1], to[2] - from[2]).normalize()
  const undo = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), axis).invert()
  const v = new Vector3()
  return path.map((p) => {
    v.set(p[0] - to[0], p[1] - to[1], p[2] - to[2]).applyQuaternion(undo)
    return [v.x, v.y, v.z] as Vec3
  })
}

type V = [number, number, number]
const subV = (a: readonly number[], b: readonly number[]): V => [a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!]
const crossV = (a: V, b: V): V => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
const unit = (a: V): V => {
  const l = Math.hypot(...a) || 1
  return [a[0] / l, a[1] / l, a[2] / l]
}

/** Tangent and a side direction at each point, turned along the line without twisting (parallel transport). */
function frames(line: readonly Vec3[]): { t: V; n: V; b: V }[] {
  const out: { t: V; n: V; b: V }[] = []
  let n: V | null = null
  for (let i = 0; i < line.length; i++) {
    const t = unit(subV(line[Math.min(line.length - 1, i + 1)]!, line[Math.max(0, i - 1)]!))
    if (!n) n = unit(crossV(t, Math.abs(t[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]))
    // Remove the part of the last side along the new tangent.
    const d = n[0] * t[0] + n[1] * t[1] + n[2] * t[2]
    n = unit([n[0] - d * t[0], n[1] - d * t[1], n[2] - d * t[2]])
    out.push({ t, n, b: crossV(t, n) })
  }
  return out
}

/** A closed tube of `radius` along `line`, offset `shift` along each point's side direction. */
function tube(line: readonly Vec3[], radius: number, shift: number): BufferGeometry {
  const f = frames(line)
  const s = new Surface()
  const K = PEDICLE_LOOK.sides
  const ring = (i: number): { p: P3[]; n: P3[] } => {
    const c = line[i]!, { n, b } = f[i]!
    const p: P3[] = [], m: P3[] = []
    for (let k = 0; k < K; k++) {
      const a = (2 * Math.PI * k) / K
      const dir: P3 = [n[0] * Math.cos(a) + b[0] * Math.sin(a), n[1] * Math.cos(a) + b[1] * Math.sin(a), n[2] * Math.cos(a) + b[2] * Math.sin(a)]
      p.push([c[0] + n[0] * shift + dir[0] * radius, c[1] + n[1] * shift + dir[1] * radius, c[2] + n[2] * shift + dir[2] * radius])
      m.push(dir)
    }
    return { p, n: m }
  }
  let last = ring(0)
  const cap = (r: { p: P3[] }, i: number, outward: V) => {
    const c = line[i]!
    const centre: P3 = [c[0] + f[i]!.n[0] * shift, c[1] + f[i]!.n[1] * shift, c[2] + f[i]!.n[2] * shift]
    for (let k = 0; k < K; k++) s.triangle(centre, r.p[k]!, r.p[(k + 1) % K]!, outward, outward, outward)
  }
  const t0 = f[0]!.t
  cap(last, 0, [-t0[0], -t0[1], -t0[2]])
  for (let i = 1; i < line.length; i++) {
    const next = ring(i)
    for (let k = 0; k < K; k++) {
      const j = (k + 1) % K
      s.quad(last.p[k]!, last.p[j]!, next.p[j]!, next.p[k]!, last.n[k]!, last.n[j]!, next.n[j]!, next.n[k]!)
    }
    last = next
  }
  cap(last, line.length - 1, f[line.length - 1]!.t)
  return s.toGeometry()
}

export function buildVascularPedicle(line: readonly Vec3[]): ObjectModel {
  // The cuff: a short wide tube round the artery's last millimetres, where it meets the branch.
  const end = line[line.length - 1]!
  const dir = unit(subV(end, line[Math.max(0, line.length - 3)]!))
  const length = PEDICLE_LOOK.cuffLength
  const cuff: Vec3[] = [[end[0] - dir[0] * length, end[1] - dir[1] * length, end[2] - dir[2] * length], end]
  const joined = (mesh: { visible: boolean }, pose: PartPose) => {
    mesh.visible = pose.fill >= 1
  }
  return {
    parts: [
      { name: 'artery', geometry: tube(line, PEDICLE.arteryRadius, 0), material: 'artery', working: false },
      { name: 'veins', geometry: mergedVeins(line), material: 'vein', working: false },
      { name: 'anastomosis', geometry: tube(cuff, PEDICLE.arteryRadius * PEDICLE_LOOK.cuffRadius, 0), material: 'suture', working: false, place: joined },
    ],
  }
}

/** The two veins, one to each side of the artery, ending short of the join so the join shows. */
function mergedVeins(line: readonly Vec3[]): BufferGeometry {
  const upTo = line.slice(0, Math.max(2, line.length - PEDICLE_LOOK.veinsShort))
  const a = tube(upTo, PEDICLE.veinRadius, PEDICLE_LOOK.veinOffset)
  const b = tube(upTo, PEDICLE.veinRadius, -PEDICLE_LOOK.veinOffset)
  const pa = a.getAttribute('position').array as Float32Array, pb = b.getAttribute('position').array as Float32Array
  const na = a.getAttribute('normal').array as Float32Array, nb = b.getAttribute('normal').array as Float32Array
  const s = new Surface()
  for (const [p, n] of [[pa, na], [pb, nb]] as const) {
    for (let i = 0; i < p.length; i += 9) {
      const at = (k: number): P3 => [p[i + k]!, p[i + k + 1]!, p[i + k + 2]!]
      const nt = (k: number): P3 => [n[i + k]!, n[i + k + 1]!, n[i + k + 2]!]
      s.triangle(at(0), at(3), at(6), nt(0), nt(3), nt(6))
    }
  }
  a.dispose()
  b.dispose()
  return s.toGeometry()
}
