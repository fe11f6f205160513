/**
 * Patches the model's own materials (one per structure part, see model/hipMaterials.ts and
 * model/splitNearJoint.ts: parts far from the joint are left plain) with the disease shaders
 * through onBeforeCompile.
 *
 * Two programs per structure kind, chosen by customProgramCacheKey: with the disease code
 * (`hip-disease-<kind>`), and for a healthy, opaque hip the material's own plain program.
 * Why: software WebGL (SwiftShader, what a PC without a GPU uses) runs the code inside a
 * uniform `if` even when the condition is false, and the disease code made every frame of
 * the healthy hip ~20% slower there. Three keeps each material's programs, so after the
 * first use of each (compiled ahead in idle time, see `precompileDisease`), switching is a
 * lookup; changing the stage itself changes uniform values only and never recompiles.
 * `unpatch` restores the originals (used when the effects unmount or the model changes).
 */
import { Matrix4, type Material, type Mesh, type Object3D, type WebGLProgramParametersWithUniforms } from 'three'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import type { PerfusionParameterId } from '../../domain/staging/vessels.ts'
import type { LoadedHip } from '../model/modelStore.ts'
import { createArteryUniforms, type ArteryUniforms, type DiseaseUniforms } from './uniforms.ts'
import { toAncestorMatrix } from '../three/toAncestorMatrix.ts'
import { replaceChunk } from '../three/replaceChunk.ts'
import { isHelper } from '../model/solidMeshes.ts'
import { femurRestMatrix } from '../model/femurPose.ts'
import { onFemur } from '../model/femurShift.ts'
import {
  DZ_ACET_FRAGMENT,
  DZ_ARTERY_EMISSIVE,
  DZ_ARTERY_FRAGMENT,
  DZ_ARTERY_FRAGMENT_PARS,
  DZ_ARTERY_VERTEX,
  DZ_ARTERY_VERTEX_PARS,
  DZ_BEGIN_VERTEX,
  DZ_EMISSIVE,
  DZ_FRAGMENT_PARS,
  DZ_HEAD_FRAGMENT,
  DZ_LESION_EMISSIVE,
  DZ_LESION_FRAGMENT,
  DZ_STENCIL_VERTEX,
  DZ_STENCIL_VERTEX_PARS,
  DZ_VERTEX_PARS,
  DZ_WORN_ROUGHNESS,
  DZ_WINDOW_FRAGMENT,
  DZ_WINDOW_OPAQUE,
  DZ_WINDOW_PARS,
  dzVertexBody,
} from './shaders.ts'

export type DiseaseKind = 'femur' | 'cancellous' | 'headCartilage' | 'acetCartilage' | 'hipBone' | 'labrum' | 'capsule' | 'lesion' | 'artery'

/** Which structures the disease changes, and how. */
export const DISEASE_KIND: Partial<Record<StructureId, Exclude<DiseaseKind, 'artery' | 'lesion'>>> = {
  femur: 'femur',
  femurCancellous: 'cancellous',
  femoralHeadCartilage: 'headCartilage',
  acetabularCartilage: 'acetCartilage',
  hipBone: 'hipBone',
  // Not changed by the disease, but they hide the head: only the cutaway window (DZ_WINDOW).
  labrum: 'labrum',
  jointCapsule: 'capsule',
}

/** The perfusion parameter (staging table) that drives each artery's flow. */
export const ARTERY_GROUP: Partial<Record<StructureId, PerfusionParameterId>> = {
  femoralArtery: 'perfusionMfcaTrunk',
  deepFemoralArtery: 'perfusionMfcaTrunk',
  medialCircumflexArtery: 'perfusionMfcaTrunk',
  mfcaDeepBranch: 'perfusionMfcaTrunk',
  posterosuperiorRetinacularArteries: 'perfusionPosterosuperior',
  lateralCircumflexArtery: 'perfusionLfcaAnterior',
  lfcaAscendingBranch: 'perfusionLfcaAnterior',
  anteriorRetinacularArtery: 'perfusionLfcaAnterior',
  inferiorRetinacularArtery: 'perfusionInferiorRetinacular',
  obturatorArtery: 'perfusionLigamentumTeres',
  ligamentumTeresArtery: 'perfusionLigamentumTeres',
}

/** The shader defines of each structure kind (also read by the simulated images, scene/imaging, which deform the model with the same vertex code). */
export const DISEASE_DEFINES: Record<Exclude<DiseaseKind, 'artery'>, string[]> = {
  femur: ['DZ_HEAD_BONE', 'DZ_JUNCTION_OSTEO'],
  // The junction's osteophytes bulge the cancellous core with the cortex: new bone with marrow inside, not solid cortex.
  cancellous: ['DZ_HEAD_BONE', 'DZ_JUNCTION_OSTEO'],
  headCartilage: ['DZ_HEAD_CART'],
  acetCartilage: ['DZ_ACET_CART', 'DZ_WINDOW'],
  hipBone: ['DZ_RIM_OSTEO', 'DZ_WINDOW'],
  labrum: ['DZ_WINDOW'],
  capsule: ['DZ_WINDOW'],
  lesion: ['DZ_HEAD_BONE'],
}

export interface PatchedArtery {
  readonly id: StructureId
  readonly group: PerfusionParameterId
  readonly uniforms: ArteryUniforms
  /** Its arc lengths at its two ends, mm (TEXCOORD_0.x: the generator counts from the parent's origin). */
  readonly arc: { readonly from: number; readonly to: number }
}

interface Saved {
  material: Material
  onBeforeCompile: Material['onBeforeCompile']
  customProgramCacheKey: Material['customProgramCacheKey']
}

export interface PatchResult {
  readonly arteries: readonly PatchedArtery[]
  readonly saved: readonly Saved[]
  /** Whether the bone and cartilage programs carry the disease code (see the file comment). */
  readonly diseaseShown: () => boolean
  /** Switches the programs; a no-op when unchanged, so it may be called every frame. */
  showDisease(shown: boolean): void
  /**
   * Makes a section stencil pass hanging under one of the bone meshes the disease deforms
   * (structure `id`) deform as that mesh does (DZ_STENCIL_VERTEX), on the same switch as the
   * mesh's own program.
   */
  deformStencilPass(pass: Mesh, id: StructureId): void
}

export function headShader(shader: WebGLProgramParametersWithUniforms, kind: Exclude<DiseaseKind, 'artery'>): void {
  const defines = DISEASE_DEFINES[kind].map((d) => `#define ${d}\n`).join('')
  let vertex = replaceChunk(shader.vertexShader, '#include <common>', `#include <common>\n${defines}${DZ_VERTEX_PARS}`)
  vertex = replaceChunk(vertex, '#include <beginnormal_vertex>', dzVertexBody(kind))
  shader.vertexShader = replaceChunk(vertex, '#include <begin_vertex>', DZ_BEGIN_VERTEX)
  const windowed = DISEASE_DEFINES[kind].includes('DZ_WINDOW')
  let fragment = replaceChunk(shader.fragmentShader, '#include <common>', `#include <common>\n${defines}${DZ_FRAGMENT_PARS}${windowed ? DZ_WINDOW_PARS : ''}`)
  if (kind === 'femur' || kind === 'cancellous' || kind === 'headCartilage') {
    fragment = replaceChunk(fragment, '#include <color_fragment>', DZ_HEAD_FRAGMENT)
    fragment = replaceChunk(fragment, '#include <emissivemap_fragment>', DZ_EMISSIVE)
  } else if (kind === 'lesion') {
    fragment = replaceChunk(fragment, '#include <color_fragment>', DZ_LESION_FRAGMENT)
    fragment = replaceChunk(fragment, '#include <emissivemap_fragment>', DZ_LESION_EMISSIVE)
  } else if (kind === 'acetCartilage') {
    fragment = replaceChunk(fragment, '#include <color_fragment>', DZ_ACET_FRAGMENT)
  }
  if (kind === 'headCartilage' || kind === 'acetCartilage') fragment = replaceChunk(fragment, '#include <roughnessmap_fragment>', DZ_WORN_ROUGHNESS)
  if (windowed) {
    fragment = replaceChunk(fragment, '#include <clipping_planes_fragment>', DZ_WINDOW_FRAGMENT)
    fragment = replaceChunk(fragment, '#include <opaque_fragment>', DZ_WINDOW_OPAQUE)
  }
  shader.fragmentShader = fragment
}

/** The defines that move a bone's vertices (the rest only tint, or cut the socket window). */
const DEFORMING_DEFINES = new Set(['DZ_HEAD_BONE', 'DZ_JUNCTION_OSTEO', 'DZ_RIM_OSTEO'])

/** A section stencil pass of a bone the disease deforms: it moves as the bone does (DZ_STENCIL_VERTEX). */
function stencilShader(shader: WebGLProgramParametersWithUniforms, kind: Exclude<DiseaseKind, 'artery'>): void {
  const defines = DISEASE_DEFINES[kind]
    .filter((d) => DEFORMING_DEFINES.has(d))
    .map((d) => `#define ${d}\n`)
    .join('')
  const vertex = replaceChunk(shader.vertexShader, '#include <common>', `#include <common>\n${defines}${DZ_STENCIL_VERTEX_PARS}`)
  shader.vertexShader = replaceChunk(vertex, '#include <begin_vertex>', DZ_STENCIL_VERTEX)
}

function arteryShader(shader: WebGLProgramParametersWithUniforms): void {
  const vertex = replaceChunk(shader.vertexShader, '#include <common>', `#include <common>\n${DZ_ARTERY_VERTEX_PARS}`)
  shader.vertexShader = replaceChunk(vertex, '#include <begin_vertex>', DZ_ARTERY_VERTEX)
  let fragment = replaceChunk(shader.fragmentShader, '#include <common>', `#include <common>\n${DZ_ARTERY_FRAGMENT_PARS}`)
  fragment = replaceChunk(fragment, '#include <color_fragment>', DZ_ARTERY_FRAGMENT)
  shader.fragmentShader = replaceChunk(fragment, '#include <emissivemap_fragment>', DZ_ARTERY_EMISSIVE)
}

/** The least and greatest arc length (TEXCOORD_0.x, mm) over a vessel's meshes. */
function arcRange(node: Object3D): { from: number; to: number } {
  let from = Infinity
  let to = -Infinity
  node.traverse((o) => {
    const uv = (o as Mesh).isMesh && !isHelper(o) ? (o as Mesh).geometry.getAttribute('uv') : undefined
    if (!uv) return
    for (let i = 0; i < uv.count; i++) {
      const arc = uv.getX(i)
      if (arc < from) from = arc
      if (arc > to) to = arc
    }
  })
  return Number.isFinite(from) ? { from, to } : { from: 0, to: 0 }
}

/**
 * The structure's own lit materials: not helpers other features hang under its meshes (the
 * section's stencil passes, model/solidMeshes.ts markHelper), which share its geometry but are not
 * Standard/Physical materials and must not get our shader chunks.
 */
function materialsOf(node: Object3D): { mesh: Mesh; material: Material }[] {
  const out: { mesh: Mesh; material: Material }[] = []
  node.traverse((o) => {
    const mesh = o as Mesh
    // Far from the joint the disease changes nothing: those parts keep plain materials.
    if (!mesh.isMesh || isHelper(mesh) || mesh.userData.diseaseFree) return
    for (const material of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
      const lit = material as Material & { isMeshStandardMaterial?: boolean }
      if (lit.isMeshStandardMaterial) out.push({ mesh, material })
    }
  })
  return out
}

export function patchModel(model: LoadedHip, uniforms: DiseaseUniforms): PatchResult {
  const saved: Saved[] = []
  const arteries: PatchedArtery[] = []
  const switched: Material[] = []
  let shown = false
  /**
   * Chains `patch` (the disease's code) under `material`'s own patch (a removal solid's cut faces,
   * ../model/cutFaceLook.ts), with the disease's uniforms and the frame of `frameOf` (structure
   * `id`), switched by `shown`: healthy, the very program the unpatched material had (already
   * compiled for the first picture), found again by its key.
   */
  const switchWithDisease = (material: Material, frameOf: Object3D, id: StructureId, shownKey: string, patch: (shader: WebGLProgramParametersWithUniforms) => void) => {
    saved.push({ material, onBeforeCompile: material.onBeforeCompile, customProgramCacheKey: material.customProgramCacheKey })
    const own = restFrameOf(frameOf, id, model.scene)
    const plainKey = material.customProgramCacheKey()
    const base = material.onBeforeCompile.bind(material)
    material.onBeforeCompile = (shader, renderer) => {
      base(shader, renderer)
      // The uniforms in both programs: three keeps the object of the last compile.
      Object.assign(shader.uniforms, uniforms, own)
      if (shown) patch(shader)
    }
    material.customProgramCacheKey = () => (shown ? shownKey : plainKey)
    switched.push(material)
    material.needsUpdate = true
  }
  for (const [id, node] of Object.entries(model.nodes) as [StructureId, Object3D][]) {
    const kind = DISEASE_KIND[id]
    const group = ARTERY_GROUP[id]
    if (!kind && !group) continue
    const artery = group ? createArteryUniforms(group) : null
    if (group && artery) arteries.push({ id, group, uniforms: artery, arc: arcRange(node) })
    for (const { mesh, material } of materialsOf(node)) {
      // One program per kind: a kind is one structure, so its own patch is the same for all its materials.
      if (kind) switchWithDisease(material, mesh, id, `hip-disease-${kind}`, (shader) => headShader(shader, kind))
      else if (artery) {
        saved.push({ material, onBeforeCompile: material.onBeforeCompile, customProgramCacheKey: material.customProgramCacheKey })
        material.onBeforeCompile = (shader) => {
          Object.assign(shader.uniforms, artery, { uPulses: uniforms.uPulses, uColOccluded: uniforms.uColOccluded })
          arteryShader(shader)
        }
        material.customProgramCacheKey = () => 'hip-disease-artery'
        material.needsUpdate = true
      }
    }
  }
  return {
    arteries,
    saved,
    diseaseShown: () => shown,
    showDisease(next) {
      if (next === shown) return
      shown = next
      for (const material of switched) material.needsUpdate = true
    },
    deformStencilPass(pass, id) {
      const material = pass.material as Material
      const solid = pass.parent as Mesh | null
      const kind = DISEASE_KIND[id]
      if (!solid || !kind || material.userData.dzStencil) return
      material.userData.dzStencil = true
      switchWithDisease(material, solid, id, `hip-disease-stencil-${kind}`, (shader) => stencilShader(shader, kind))
    },
  }
}

/**
 * The matrices between `mesh`'s own frame and the model's frame where the disease is laid out:
 * the femur's structures compute in its rest frame, as an operation may have moved it already
 * (the disease layer comes with the first stage above healthy, perhaps mid-operation).
 */
function restFrameOf(mesh: Object3D, id: StructureId, root: Object3D): { uToModel: { value: Matrix4 }; uFromModel: { value: Matrix4 } } {
  const toModel = toAncestorMatrix(mesh, root)
  if (onFemur(id)) toModel.premultiply(femurRestMatrix())
  return { uToModel: { value: toModel }, uFromModel: { value: toModel.clone().invert() } }
}

/**
 * Compiles the disease programs ahead, so that the first move of the stage slider does not
 * wait for them: `compile` sets up the scene's programs (../three/programWarmUp.ts) while the
 * disease code is switched in; then the programs follow `wanted()` again.
 */
export async function precompileDisease(result: PatchResult, compile: () => Promise<unknown>, wanted: () => boolean): Promise<void> {
  // Already shown (a link that opens at a stage): `compile` still readies what the picture does
  // not draw yet (the see-through looks a treatment step uses).
  result.showDisease(true)
  try {
    await compile()
  } finally {
    result.showDisease(wanted())
  }
}

/** The see-through lesion body: the collapse moves it with the bone; its colour is its own. */
export function patchLesionMaterial(material: Material, uniforms: DiseaseUniforms): void {
  const own = { uToModel: { value: new Matrix4() }, uFromModel: { value: new Matrix4() } }
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms, own)
    headShader(shader, 'lesion')
  }
  material.customProgramCacheKey = () => 'hip-disease-lesion'
}

export function unpatch(result: PatchResult): void {
  for (const s of result.saved) {
    delete s.material.userData.dzStencil
    s.material.onBeforeCompile = s.onBeforeCompile
    s.material.customProgramCacheKey = s.customProgramCacheKey
    s.material.needsUpdate = true
  }
}
