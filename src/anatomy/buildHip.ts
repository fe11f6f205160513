/**
 * The whole generator: morphometrics in, a .glb (bytes) out. Deterministic: no clock,
 * no randomness, fixed iteration orders. Timings are reported through `log`.
 */
import { FEMUR_REGION_IDS, HIP_BONE_REGION_IDS } from '../domain/anatomy/regions.ts'
import type { HipLandmarks } from '../domain/anatomy/landmarks.ts'
import { DEFAULT_HIP, morphometricValues } from '../domain/anatomy/morphometrics.ts'
import { STRUCTURE_IDS, type StructureId } from '../domain/anatomy/structures.ts'
import { acetabularCartilageMesh, labrumMesh, transverseLigamentMesh } from './acetabularSoftTissue.ts'
import { acetabulumGeometry } from './acetabulumGeometry.ts'
import { buildArteries, ligamentumTeresMesh } from './arteries.ts'
import { exportGlb, type MaterialSpec, type NodeSpec } from './exportGlb.ts'
import { femurInnerRegionOf, femurRegionOf } from './femurRegions.ts'
import { corticalThicknessF, femurLandmarksF, femurOuterF, type FemurLandmarksF } from './femurShape.ts'
import { buildFrames, type HipFrames, type HipNumbers } from './frames.ts'
import { headCartilageMesh } from './headCartilage.ts'
import { hipBoneRegionOf } from './hipBoneRegions.ts'
import { jointCapsuleMesh } from './jointCapsule.ts'
import { buildLandmarks, vesselLine } from './landmarksBuild.ts'
import { levelSetManifold, manifoldToMesh, meshToManifold } from './levelSet.ts'
import { manifoldModule } from './manifoldModule.ts'
import { flipped, mergeMeshes, type MeshData } from './meshData.ts'
import { creasedNormals, fieldNormals, snapRadialNormals } from './normals.ts'
import { hipBoneSdf, iliacFrame, onSurface, pelvisLandmarks } from './pelvisShape.ts'
import { bakeColors } from './shading.ts'
import { simplifyMesh } from './simplify.ts'
import type { Sdf } from './sdf.ts'
import { TISSUE_OF } from '../domain/anatomy/tissues.ts'

export interface BuiltHip {
  readonly glb: Uint8Array
  readonly landmarks: HipLandmarks
  readonly meshes: Record<StructureId, MeshData>
  readonly timings: Record<string, number>
}

const MATERIALS: MaterialSpec[] = [
  { name: 'bone', color: [0.9, 0.86, 0.78, 1], roughness: 0.72 },
  { name: 'cancellous', color: [0.82, 0.64, 0.52, 1], roughness: 0.9 },
  { name: 'cartilage', color: [0.7, 0.8, 0.93, 1], roughness: 0.28 },
  { name: 'fibrocartilage', color: [0.84, 0.86, 0.9, 1], roughness: 0.45 },
  { name: 'ligament', color: [0.88, 0.83, 0.74, 1], roughness: 0.55 },
  { name: 'capsule', color: [0.93, 0.88, 0.8, 0.35], roughness: 0.6, transparent: true, doubleSided: true },
  { name: 'artery', color: [0.78, 0.1, 0.1, 1], roughness: 0.4 },
]

/**
 * The medullary canal's wall inside the femur's shaft, as a vertex colour over the bone's own:
 * the yellow of the fatty marrow that fills an adult's shaft (red marrow stays in the ends,
 * in the cancellous bone). The canal is the hollow of the cortex's shell, seen only in a cut,
 * where its wall in the bone's ivory read as a solid shaft (a surgeon's review: the cut lacked
 * cortex and canal). Linear RGB, multiplying the bone's [0.9, 0.86, 0.78]: about #e0b45c on
 * screen [design choice].
 */
const MARROW_TINT: readonly [number, number, number] = [0.84, 0.56, 0.14]

function paintMedullaryCanal(femur: MeshData): void {
  const canal = FEMUR_REGION_IDS.indexOf('medullaryCanal')
  const { colors, regions } = femur
  if (!colors || !regions) throw new Error('the femur needs baked colours and regions before its canal is painted')
  for (let v = 0; v < regions.length; v++) {
    if (regions[v] !== canal) continue
    // Keep a little of the baked shading (the canal is deep inside: its occlusion is high).
    const shade = 0.8 + 0.2 * Math.min(1, (colors[v * 3]! + colors[v * 3 + 1]! + colors[v * 3 + 2]!) / 3)
    for (let k = 0; k < 3; k++) colors[v * 3 + k] = MARROW_TINT[k]! * shade
  }
}

/** The femur's outer surface and the inside of its cortex as distance fields in the model frame. */
export function femurFields(f: HipFrames, lm: FemurLandmarksF): { femurSdf: Sdf; innerSdf: Sdf } {
  const outerF = femurOuterF(f, lm)
  const thick = corticalThicknessF(f, lm)
  // Model → femur frame, inlined (this runs millions of times while meshing).
  const [ax, ay] = [f.fx[0], f.fx[1]]
  const [bx, by] = [f.fy[0], f.fy[1]]
  const femurSdf: Sdf = (x, y, z) => outerF(x * ax + y * ay, x * bx + y * by, z)
  const innerSdf: Sdf = (x, y, z) => {
    const u = x * ax + y * ay
    const v = x * bx + y * by
    return outerF(u, v, z) + thick(u, v, z)
  }
  return { femurSdf, innerSdf }
}

// Material names in the file are the tissues of src/domain/anatomy/tissues.ts.
const MATERIAL_OF = TISSUE_OF

export async function buildHip(hip: HipNumbers = morphometricValues(DEFAULT_HIP), log: (s: string) => void = () => {}): Promise<BuiltHip> {
  const timings: Record<string, number> = {}
  let t0 = performance.now()
  const lap = (name: string) => {
    const t = performance.now()
    timings[name] = Math.round(t - t0)
    log(`${name}: ${timings[name]} ms`)
    t0 = t
  }
  const f = buildFrames(hip)
  const acet = acetabulumGeometry(f)
  const lm = femurLandmarksF(f)
  const il = iliacFrame()
  const R = hip.headRadius

  const { femurSdf, innerSdf } = femurFields(f, lm)
  const pelvisSdf = hipBoneSdf(f, acet)
  const pl = onSurface(pelvisLandmarks(il), pelvisSdf, il)
  const femurBox = { min: [-78, -hip.femurLength - 12, -48] as [number, number, number], max: [30, 32, 32] as [number, number, number] }

  const femurOuterM = await levelSetManifold(femurSdf, femurBox, 0.9)
  lap('femur level set')
  const femurInnerM = await levelSetManifold(innerSdf, femurBox, 1.3)
  lap('femur inner level set')
  const pelvisM = await levelSetManifold(pelvisSdf, { min: [-80, -90, -130], max: [96, 140, 74] }, 1.25)
  lap('hip bone level set')

  // Simplify. The head keeps its level-set resolution (the app deforms and drills it).
  const femurOuter = await simplifyMesh(manifoldToMesh(femurOuterM), {
    targetTriangles: 62000,
    maxErrorMm: 0.06,
    lock: (x, y, z) => Math.hypot(x, y, z) < R + 2.5,
  })
  const femurInner = await simplifyMesh(manifoldToMesh(femurInnerM), { targetTriangles: 16000, maxErrorMm: 0.1 })
  const pelvis = await simplifyMesh(manifoldToMesh(pelvisM), { targetTriangles: 90000, maxErrorMm: 0.06 })
  femurOuterM.delete()
  femurInnerM.delete()
  pelvisM.delete()
  lap('simplify bones')

  // Cancellous bone = the inside of the cortex above the medullary canal (exact boolean on
  // the same simplified inner surface, so cortex and cancellous meet without a gap).
  const wasm = await manifoldModule()
  const innerMan = await meshToManifold(femurInner)
  const keep = wasm.Manifold.cube([400, 400 - (-lm.canalTopY), 400])
    .translate([-200, lm.canalTopY, -200])
    .rotate([0, 0, hip.shaftAdduction])
  const cancMan = innerMan.intersect(keep)
  const cancellous = manifoldToMesh(cancMan)
  innerMan.delete()
  keep.delete()
  cancMan.delete()
  lap('cancellous boolean')

  // Normals, regions.
  femurOuter.normals = fieldNormals(femurOuter, femurSdf)
  const inner = femurInner
  inner.normals = fieldNormals(inner, innerSdf)
  const outerRegion = femurRegionOf(f, lm)
  const innerRegion = femurInnerRegionOf(f, lm)
  const regionsOf = (m: MeshData, fn: (p: [number, number, number]) => string, table: readonly string[]) => {
    const n = m.positions.length / 3
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i++) out[i] = table.indexOf(fn([m.positions[i * 3]!, m.positions[i * 3 + 1]!, m.positions[i * 3 + 2]!]))
    return out
  }
  femurOuter.regions = regionsOf(femurOuter, outerRegion, FEMUR_REGION_IDS)
  inner.regions = regionsOf(inner, innerRegion, FEMUR_REGION_IDS)
  pelvis.normals = fieldNormals(pelvis, pelvisSdf)
  pelvis.regions = regionsOf(pelvis, hipBoneRegionOf(acet, il, pl), HIP_BONE_REGION_IDS)
  const cancellousN = creasedNormals(cancellous, 60)
  lap('normals and regions')

  // Soft tissue and vessels.
  const headCart = snapRadialNormals(creasedNormals(headCartilageMesh(f), 50))
  const acetCart = snapRadialNormals(creasedNormals(acetabularCartilageMesh(f, acet), 50))
  const labrum = creasedNormals(labrumMesh(acet), 50)
  const tal = creasedNormals(transverseLigamentMesh(acet), 60)
  const ligTeres = creasedNormals(ligamentumTeresMesh(f, acet), 60)
  const clear: Sdf = (x, y, z) => Math.min(femurSdf(x, y, z), Math.hypot(x, y, z) - (R + 2.2), pelvisSdf(x, y, z))
  const capsule = creasedNormals(jointCapsuleMesh(f, acet, femurSdf, clear), 70)
  lap('soft tissue')
  const art = buildArteries(f, lm, acet, femurSdf, pelvisSdf)
  lap('arteries')

  const meshes = {
    femur: mergeMeshes([femurOuter, flipped(inner)]),
    hipBone: pelvis,
    femurCancellous: cancellousN,
    femoralHeadCartilage: headCart,
    acetabularCartilage: acetCart,
    labrum,
    transverseAcetabularLigament: tal,
    ligamentumTeres: ligTeres,
    jointCapsule: capsule,
  } as Record<StructureId, MeshData>
  for (const [id, m] of Object.entries(art.meshes)) meshes[id as StructureId] = creasedNormals(m, 60)

  // Baked AO × colour variation. Each structure is occluded by the bone it belongs to
  // (its own concavities: fossae, notches, the socket), not by its neighbours, so it still
  // looks right when the app hides or fades the others (a femoral head darkened by the
  // socket would look diseased once the cartilage is hidden). Vessels take contact
  // shadows from both bones.
  const bothBones: Sdf = (x, y, z) => Math.min(femurSdf(x, y, z), pelvisSdf(x, y, z))
  const occluderOf = (id: StructureId): Sdf | null => {
    if (id === 'femur' || id === 'femoralHeadCartilage') return femurSdf
    if (id === 'hipBone' || id === 'acetabularCartilage' || id === 'labrum' || id === 'transverseAcetabularLigament') return pelvisSdf
    if (MATERIAL_OF[id] === 'artery' || id === 'ligamentumTeres') return bothBones
    return null
  }
  for (const id of STRUCTURE_IDS) {
    const m = meshes[id]
    if (!m) throw new Error(`generator produced no mesh for ${id}`)
    const group = MATERIAL_OF[id]
    const bone = group === 'bone' || group === 'cancellous'
    const occluder = occluderOf(id)
    m.colors = bakeColors(m, occluder ?? (() => 1e9), {
      variation: bone ? 0.09 : group === 'artery' ? 0.05 : 0.04,
      tint: bone ? [0.04, 0, -0.08] : [0, 0, 0],
      // The labrum sits in the crease between the rim and the head: full-strength occlusion there
      // turned white fibrocartilage dark slate (a surgeon's review); it keeps a little for shape.
      aoStrength: id === 'labrum' ? 0.4 : occluder ? 0.85 : 0,
    })
  }
  paintMedullaryCanal(meshes.femur!)
  lap('baked shading')

  // The LFCA's ascending branch as drawn: the fibula graft's pedicle is joined to it (§6.3).
  const landmarks = { ...buildLandmarks(f, lm, acet, pl, femurSdf, pelvisSdf), vessels: { lfcaAscendingBranch: vesselLine(art.paths.lfcaAscendingBranch![0]!) } }
  const nodes: NodeSpec[] = STRUCTURE_IDS.map((id) => {
    const spec: NodeSpec = { name: id, mesh: meshes[id], material: MATERIAL_OF[id] }
    if (id === 'femur') return { ...spec, regions: FEMUR_REGION_IDS }
    if (id === 'hipBone') return { ...spec, regions: HIP_BONE_REGION_IDS }
    return spec
  })
  const glb = await exportGlb(nodes, MATERIALS, { landmarks, units: 'mm', generator: 'src/anatomy/buildHip.ts' })
  lap('export')
  return { glb, landmarks, meshes, timings }
}
