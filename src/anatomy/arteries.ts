/**
 * Arterial routes (model frame), after clinical.md §3: common femoral → profunda →
 * MFCA (around the medial femur, behind obturator externus, in front of the conjoint
 * tendon) → deep branch piercing the capsule below piriformis → 2–4 posterosuperior
 * retinacular arteries along the neck into foramina at the head–neck junction, joined
 * by the subsynovial ring at the cartilage margin; LFCA in front of the neck base →
 * ascending branch along the intertrochanteric line → anterior retinacular branch;
 * inferior retinacular (Weitbrecht) along the inferior neck; obturator artery → its
 * acetabular branch under the transverse ligament → artery of the ligamentum teres.
 *
 * Control points marked `on` are projected onto an offset of that bone's surface so the
 * vessel lies on it; every sampled point is then pushed out to the offset (never in).
 */
import type { AcetabulumGeometry } from './acetabulumGeometry.ts'
import { femurToModel, type HipFrames } from './frames.ts'
import type { FemurLandmarksF } from './femurShape.ts'
import { junctionPoint } from './headNeckJunction.ts'
import type { MeshData } from './meshData.ts'
import { mergeMeshes } from './meshData.ts'
import { projectTo, pushOut } from './project.ts'
import type { Sdf } from './sdf.ts'
import { smoothPath, tubeMesh, tubeRadii, type TubeSpec } from './tube.ts'
import { dist, madd, norm, scale, type V3 } from './vec.ts'

interface Ctrl {
  readonly p: V3
  /** Lay the point on this surface at `gap` mm beyond the vessel wall. */
  readonly on?: 'femur' | 'pelvis'
  readonly gap?: number
}
interface Vessel {
  readonly id: string
  readonly ctrl: readonly Ctrl[]
  readonly r0: number
  readonly r1: number
  /** Parent vessel whose arc length this one continues. */
  readonly parent?: string
  /** Runs inside soft tissue across the joint: not pushed off the bones. */
  readonly free?: boolean
  /** Leaves a trunk it shares with its siblings at this control point, there narrowing to `radius` (tube.ts). */
  readonly fork?: { readonly atCtrl: number; readonly radius: number }
}

export interface ArteryMeshes {
  readonly meshes: Record<string, MeshData>
  /** Sampled centre lines, by structure id (for tests and later features). */
  readonly paths: Record<string, V3[][]>
  /** The tubes' radii (mm) at the points of those centre lines. */
  readonly radii: Record<string, number[][]>
}

export function buildArteries(
  f: HipFrames,
  lm: FemurLandmarksF,
  acet: AcetabulumGeometry,
  femurSdf: Sdf,
  pelvisSdf: Sdf,
): ArteryMeshes {
  const F = (p: V3) => femurToModel(f, p)
  const R = f.hip.headRadius
  const J = (psi: number, lift = 0.9) => junctionPoint(f, psi, lift, 3)
  const inBone = (psi: number) => junctionPoint(f, psi, -2.5, 6)
  const fossaEntry = F(lm.trochantericFossa)
  const neckPoint = (t: number, psi: number, on = true): Ctrl => {
    // point over the neck surface at distance t from the head centre along the axis
    const sup = F(f.neckSupF)
    const ant = F(f.neckAntF)
    const a = (psi * Math.PI) / 180
    const p = madd(madd(scale(f.neckDir, -t), sup, 20 * Math.cos(a)), ant, 20 * Math.sin(a))
    return on ? { p, on: 'femur', gap: 0.3 } : { p }
  }

  const vessels: Vessel[] = [
    {
      id: 'femoralArtery',
      r0: 4.2,
      r1: 3.6,
      ctrl: [{ p: [24, 90, 34] }, { p: [20, 45, 44] }, { p: [15, 5, 45] }, { p: [11, -40, 38] }, { p: [8, -85, 30] }, { p: [4, -140, 20] }, { p: [1, -195, 10] }],
    },
    {
      id: 'deepFemoralArtery',
      parent: 'femoralArtery',
      r0: 3.0,
      r1: 2.4,
      ctrl: [{ p: [12, -30, 38] }, { p: [9, -48, 31] }, { p: [5, -75, 19] }, { p: [0, -120, 5] }, { p: [-4, -175, -6] }],
    },
    {
      id: 'medialCircumflexArtery',
      parent: 'deepFemoralArtery',
      r0: 2.2,
      r1: 1.9,
      ctrl: [
        { p: [8, -50, 30] },
        { p: [11, -57, 19] }, // between pectineus and iliopsoas
        { p: [5, -61, 3] }, // along the lower border of obturator externus
        { p: F([lm.shaftX + 14, -52, lm.shaftZ - 8]), on: 'femur', gap: 4 },
        { p: F([lm.shaftX + 6, -44, lm.shaftZ - 17]), on: 'femur', gap: 3 }, // behind obturator externus
        { p: F([lm.shaftX - 1, -36, lm.shaftZ - 21]), on: 'femur', gap: 2.5 }, // upper border of quadratus femoris
      ],
    },
    {
      id: 'mfcaDeepBranch',
      parent: 'medialCircumflexArtery',
      r0: 1.7,
      r1: 1.4,
      ctrl: [
        { p: F([lm.shaftX - 1, -36, lm.shaftZ - 21]), on: 'femur', gap: 2.5 },
        { p: F([lm.shaftX - 2, -24, lm.shaftZ - 20]), on: 'femur', gap: 2.5 }, // in front of the conjoint tendon
        { p: F([lm.shaftX + 1, -12, lm.shaftZ - 15]), on: 'femur', gap: 1.5 }, // pierces the capsule below piriformis
        { p: madd(fossaEntry, [0, 1, 0], 5), on: 'femur', gap: 0.8 },
      ],
    },
    {
      id: 'lateralCircumflexArtery',
      parent: 'deepFemoralArtery',
      r0: 2.4,
      r1: 2.0,
      ctrl: [
        { p: [6, -56, 29] },
        { p: [-10, -62, 34] }, // in front of the neck base, under sartorius and rectus femoris
        { p: F([lm.shaftX - 2, -60, lm.shaftZ + 22]), on: 'femur', gap: 5 },
        { p: F([lm.shaftX - 14, -66, lm.shaftZ + 19]), on: 'femur', gap: 4 },
        { p: F([lm.shaftX - 22, -74, lm.shaftZ + 10]), on: 'femur', gap: 4 }, // descending branch, lateral
      ],
    },
    {
      id: 'lfcaAscendingBranch',
      parent: 'lateralCircumflexArtery',
      r0: 1.6,
      r1: 1.2,
      ctrl: [
        { p: F([lm.shaftX - 2, -60, lm.shaftZ + 22]), on: 'femur', gap: 5 },
        { p: F([lm.shaftX + 4, -46, lm.shaftZ + 19]), on: 'femur', gap: 2 }, // along the intertrochanteric line
        { p: F([lm.shaftX - 4, -28, lm.shaftZ + 19]), on: 'femur', gap: 1.5 },
        { p: F([lm.shaftX - 10, -12, lm.shaftZ + 17]), on: 'femur', gap: 1.5 },
        { p: F([lm.shaftX - 14, -2, lm.shaftZ + 10]), on: 'femur', gap: 1.5 }, // toward the greater trochanter
        // over the superior neck base to meet the deep MFCA at the trochanteric fossa:
        // the extracapsular arterial ring (LFCA in front, MFCA behind)
        { p: F([lm.shaftX + 4, -5, lm.shaftZ + 5]), on: 'femur', gap: 1.2 },
        { p: madd(fossaEntry, [0, 1, 0], 6), on: 'femur', gap: 1.0 },
      ],
    },
    {
      id: 'anteriorRetinacularArtery',
      parent: 'lfcaAscendingBranch',
      r0: 0.8,
      r1: 0.55,
      ctrl: [
        { p: F([lm.shaftX + 1, -36, lm.shaftZ + 20]), on: 'femur', gap: 1.2 },
        neckPoint(34, 95),
        neckPoint(26, 85),
        { p: J(80), on: 'femur', gap: 0.3 },
        { p: inBone(80) },
      ],
    },
    {
      id: 'inferiorRetinacularArtery',
      parent: 'medialCircumflexArtery',
      r0: 0.9,
      r1: 0.6,
      ctrl: [
        { p: F([lm.shaftX + 14, -52, lm.shaftZ - 8]), on: 'femur', gap: 4 },
        { p: F([lm.shaftX + 17, -42, lm.shaftZ - 4]), on: 'femur', gap: 1.2 },
        neckPoint(34, 188),
        neckPoint(25, 182),
        { p: J(180), on: 'femur', gap: 0.3 },
        { p: inBone(180) },
      ],
    },
    {
      id: 'obturatorArtery',
      r0: 1.8,
      r1: 1.1,
      ctrl: [
        { p: [56, 42, -42], on: 'pelvis', gap: 2.5 },
        { p: [50, 18, -18], on: 'pelvis', gap: 2.5 }, // lateral wall of the true pelvis
        { p: [44, 2, 8], on: 'pelvis', gap: 2.5 },
        { p: [34, -18.5, 27.5] }, // obturator canal, in the obturator groove
        // acetabular branch: down in front of the obturator membrane, back through the
        // upper foramen, then up through the notch under the transverse ligament (a
        // checked path, so it is not pushed off the bone: pushing made it zigzag)
        { p: [37, -31, 21] },
        { p: [38, -38, 9] },
        { p: [35, -33, -3] },
        { p: [31, -23, -9] },
        { p: scale(acet.notchDir, acet.radius + 2.0) },
      ],
      free: true,
    },
    {
      id: 'ligamentumTeresArtery',
      parent: 'obturatorArtery',
      // Thin (clinical.md §3: in 81 heads about two thirds were ≤ 200 µm, a third 201–511 µm):
      // 0.5 mm tapering to 0.4 mm across, the largest of them. At 1 mm it matched the retinacular
      // arteries on screen (a surgeon's review).
      r0: 0.25,
      r1: 0.2,
      // inside the ligamentum teres: the same centre line (ligamentumTeresPath)
      free: true,
      ctrl: [{ p: scale(acet.notchDir, acet.radius + 2.0) }, ...ligamentumTeresPath(f, acet).slice(1).map((p) => ({ p }))],
    },
  ]

  // Posterosuperior retinacular arteries. The deep branch of the MFCA runs on inside the capsule
  // along the posterosuperior neck and ends in two to four superior retinacular vessels that enter
  // the bone at the head–neck junction (Gautier 2000, clinical.md §3). Three here, sharing one trunk:
  // their first stretch follows the same centre line (slightly different radii, so the largest one
  // is the surface), and they fan out over the neck's last centimetre, each with a slight bend. Three
  // separate vessels from the capsule entry had read as a ladder of parallel tubes (a surgeon's
  // review).
  const psEntry: Ctrl = { p: madd(fossaEntry, [0, 1, 0], 5), on: 'femur', gap: 0.8 }
  // The capsule entry lies about 28 mm from the head centre along the neck, the junction about 17.
  const trunk: Ctrl[] = [psEntry, neckPoint(26, 318), neckPoint(23, 322)]
  const retinacular: Vessel[] = [300, 325, 350].map((psi, i) => ({
    id: 'posterosuperiorRetinacularArteries',
    parent: 'mfcaDeepBranch',
    r0: 0.95 - i * 0.03,
    r1: 0.35,
    // The trunk is the deep branch's end, clearly thicker than the vessels it splits into: with one
    // taper from trunk to junction the trunk looked no thicker than its branches (a surgeon's review).
    fork: { atCtrl: trunk.length - 1, radius: 0.6 - i * 0.03 },
    ctrl: [...trunk, neckPoint(20, (322 + psi) / 2 + (i === 1 ? 4 : -3)), { p: J(psi), on: 'femur', gap: 0.3 }, { p: inBone(psi) }],
  }))

  // Subsynovial ring at the cartilage margin, in arcs belonging to their feeding vessels.
  const ringArc = (id: string, from: number, to: number, parent: string): Vessel => {
    const ctrl: Ctrl[] = []
    const steps = Math.max(3, Math.round(Math.abs(to - from) / 15))
    for (let i = 0; i <= steps; i++) ctrl.push({ p: J(from + ((to - from) * i) / steps), on: 'femur', gap: 0.25 })
    return { id, parent, r0: 0.4, r1: 0.35, ctrl }
  }
  const ring: Vessel[] = [
    ringArc('posterosuperiorRetinacularArteries', 250, 380, 'mfcaDeepBranch'),
    ringArc('anteriorRetinacularArtery', 20, 130, 'lfcaAscendingBranch'),
    ringArc('inferiorRetinacularArtery', 130, 250, 'medialCircumflexArtery'),
  ]

  const meshesById = new Map<string, MeshData[]>()
  const paths: Record<string, V3[][]> = {}
  const radii: Record<string, number[][]> = {}
  const sampled = new Map<string, { path: V3[]; arcs: number[] }>()
  for (const v of [...vessels, ...retinacular, ...ring]) {
    const sdfOf = (on: 'femur' | 'pelvis') => (on === 'femur' ? femurSdf : pelvisSdf)
    const ctrl = v.ctrl.map((c) => (c.on ? projectTo(sdfOf(c.on), c.p, v.r0 + (c.gap ?? 0.5)) : c.p))
    let path = smoothPath(ctrl, 0.9)
    // keep every sample off the bone surfaces (except deliberate entries into the head)
    const entersBone = v.ctrl[v.ctrl.length - 1]!.on === undefined && dist(v.ctrl[v.ctrl.length - 1]!.p, [0, 0, 0]) < R
    path = path.map((p, i) => {
      if (v.free || (entersBone && i > path.length - 6)) return p
      const r = v.r0
      let q = pushOut(femurSdf, p, r + 0.2)
      q = pushOut(pelvisSdf, q, r + 0.2)
      return q
    })
    let arcStart = 0
    if (v.parent) {
      const par = sampled.get(v.parent)
      if (par) {
        const at = nearestOnPath(par.path, path[0]!)
        arcStart = par.arcs[at.index]! + at.distance
      }
    }
    const arcs: number[] = [arcStart]
    for (let i = 1; i < path.length; i++) arcs.push(arcs[i - 1]! + dist(path[i - 1]!, path[i]!))
    if (!sampled.has(v.id)) sampled.set(v.id, { path, arcs })
    const segs = v.r0 > 2 ? 16 : v.r0 > 1 ? 12 : 8
    const fork = v.fork && { atMm: arcs[nearestOnPath(path, ctrl[v.fork.atCtrl]!).index]! - arcs[0]!, radius: v.fork.radius }
    const tube: TubeSpec = { path, r0: v.r0, r1: v.r1, arcStart, segments: segs, ...(fork && { fork }) }
    if (!meshesById.has(v.id)) meshesById.set(v.id, [])
    meshesById.get(v.id)!.push(tubeMesh(tube))
    ;(paths[v.id] ??= []).push(path)
    ;(radii[v.id] ??= []).push(tubeRadii(tube))
  }
  const meshes: Record<string, MeshData> = {}
  for (const [id, parts] of meshesById) meshes[id] = mergeMeshes(parts)
  return { meshes, paths, radii }
}

/** The point of `path` nearest `p` (the first of equals): its index and its distance. */
function nearestOnPath(path: readonly V3[], p: V3): { index: number; distance: number } {
  let index = 0
  let distance = Infinity
  path.forEach((q, i) => {
    const d = dist(q, p)
    if (d < distance) {
      distance = d
      index = i
    }
  })
  return { index, distance }
}

/** Ligamentum teres: a flattened synovial band from the notch (transverse ligament) to the fovea. */
/** Centre line of the ligamentum teres: notch → along the fossa → fovea (pit floor). */
export function ligamentumTeresPath(f: HipFrames, acet: AcetabulumGeometry): V3[] {
  const R = f.hip.headRadius
  const fovea = norm(femurToModel(f, f.foveaDirF))
  return [
    scale(acet.notchDir, acet.radius + 2.5),
    scale(norm(madd(acet.notchDir, acet.fossaDir, 1)), R + 4.2),
    scale(norm(madd(acet.fossaDir, fovea, 1)), R + 2.8),
    scale(fovea, R + 0.8),
    scale(fovea, R - 1.2),
  ]
}

export function ligamentumTeresMesh(f: HipFrames, acet: AcetabulumGeometry): MeshData {
  const ctrl = ligamentumTeresPath(f, acet)
  return tubeMesh({ path: smoothPath(ctrl, 1.0), r0: 3.6, r1: 2.6, flat: 0.45, up: acet.axis, segments: 14 })
}
