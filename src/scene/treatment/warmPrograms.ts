/**
 * The treatments' looks, readied ahead (./TreatmentWarmUp.tsx, once the hip is drawn): with
 * software WebGL a program's first use waits for the GPU, and a new tool's first draw in the
 * middle of a playing step stopped the page for 0.6–1.4 s (the steel of the first tool, the
 * syringe's clear barrel, the graft chips, while core decompression played).
 *
 * One small mesh per material role (./treatmentMaterials.ts: one shared material per role, kept
 * for the page's life) carries each material through three's `compile` with the scene's lights;
 * roles with the same settings share a program, so the 21 roles make a handful.
 */
import { BufferAttribute, BufferGeometry, Mesh, type Camera, type Scene, type WebGLRenderer } from 'three'
import { warmPrograms } from '../three/programWarmUp.ts'
import { TREATMENT_MATERIAL_ROLES, treatmentMaterial } from './treatmentMaterials.ts'

/** The meshes that carry every role's material through `compile` (a triangle each; never drawn). */
function treatmentProgramCarriers(): Mesh[] {
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]), 3))
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]), 3))
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(9).fill(1), 3))
  return TREATMENT_MATERIAL_ROLES.map((role) => new Mesh(geometry, treatmentMaterial(role)))
}

/** Readies every treatment material's program in `scene`'s lighting (../three/programWarmUp.ts). Returns a cancel. */
export function warmTreatmentPrograms(gl: WebGLRenderer, camera: Camera, scene: Scene): () => void {
  const carriers = treatmentProgramCarriers()
  const stop = warmPrograms(gl, camera, scene, carriers)
  carriers[0]?.geometry.dispose()
  return stop
}
