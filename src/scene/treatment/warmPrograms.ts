/**
 * The treatments' looks, readied ahead (./TreatmentWarmUp.tsx, once the hip is drawn): with
 * software WebGL a program's first use waits for the GPU, and a new tool's first draw in the
 * middle of a playing step stopped the page for 0.6–1.4 s (the steel of the first tool, the
 * syringe's clear barrel, the graft chips, while core decompression played).
 *
 * One small mesh per material role (./treatmentMaterials.ts: one shared material per role, kept
 * for the page's life) carries each material through three's `compile` with the scene's lights;
 * roles with the same settings share a program, so the 21 roles (and the cut looks of the tissue
 * pieces) make a handful. The cut faces of
 * a hip replacement's removed head (./removedBone.ts) follow once the disease layer can paint
 * them: their 3 programs stopped the removed-head step for 0.2–0.4 s.
 */
import { BufferAttribute, BufferGeometry, Matrix4, Mesh, type Camera, type MeshStandardMaterial, type Scene, type WebGLRenderer } from 'three'
import { warmPrograms } from '../three/programWarmUp.ts'
import { onCapPainter } from '../disease/capPainter.ts'
import { PIECE_SOLIDS } from '../../geometry/cutResult.ts'
import { CUT_PIECE_ROLES, TREATMENT_MATERIAL_ROLES, cutPieceMaterial, treatmentMaterial } from './treatmentMaterials.ts'
import { UNCUT_PLANE } from './pieceCutLook.ts'
import { removedBoneCapMaterial } from './removedBone.ts'

/** A triangle to carry a material through `compile` (never drawn). */
function carrierGeometry(): BufferGeometry {
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]), 3))
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]), 3))
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(9).fill(1), 3))
  return geometry
}

/** Readies every treatment material's program in `scene`'s lighting (../three/programWarmUp.ts). Returns a cancel. */
export function warmTreatmentPrograms(gl: WebGLRenderer, camera: Camera, scene: Scene): () => void {
  const geometry = carrierGeometry()
  // The tissue pieces the cut cuts have their own looks (./pieceCutLook.ts); the plane is a
  // uniform, so the uncut plane readies the programs of every plane.
  const looks = [...TREATMENT_MATERIAL_ROLES.map(treatmentMaterial), ...CUT_PIECE_ROLES.map((role) => cutPieceMaterial(role, UNCUT_PLANE))]
  const stops = [warmPrograms(gl, camera, scene, looks.map((material) => new Mesh(geometry, material)))]
  // The removed head's cut faces, painted as the piece's own are (the matrix is a uniform: any
  // will do). Their materials are kept: three frees a program when its last material goes.
  let caps: MeshStandardMaterial[] = []
  const stopListening = onCapPainter((paint) => {
    const femurRest = { value: new Matrix4() }
    const previous = caps
    caps = PIECE_SOLIDS.map((id) => {
      const material = removedBoneCapMaterial(id)
      paint(material, id, femurRest)
      return material
    })
    stops.push(warmPrograms(gl, camera, scene, caps.map((material) => new Mesh(geometry, material))))
    for (const material of previous) material.dispose()
  })
  return () => {
    stopListening()
    for (const stop of stops) stop()
    for (const material of caps) material.dispose()
    geometry.dispose()
  }
}
