/**
 * Solid caps for a clipped model, with a stencil technique like three.js' clipping example's:
 * for each closed mesh, every face left by the clipping plane, front or back, inverts the stencil
 * (colour and depth writes off). Along the ray through a point of the plane, the solid's surface
 * beyond the plane is crossed an odd number of times exactly where the point lies inside it, so
 * the stencil is non-zero there. One pass per mesh: the example's two (back faces increment,
 * front faces decrement; the same result for solids that do not overlap themselves) cost twice
 * the vertex work, which is most of a frame in software rendering (a coronal cut's frame at
 * 1280×720 in SwiftShader: 361 → 334 ms healthy, 427 → 378 ms at stage 3). Then a quad on the
 * plane, fitted each frame to where the solid can meet it (./capFit.ts), is drawn only there, and
 * the stencil is cleared for the next solid.
 * Solids listed later paint over earlier ones on the same plane, so the cancellous core reads
 * inside the cortex.
 */
import {
  AlwaysStencilFunc,
  Color,
  DoubleSide,
  InvertStencilOp,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  NotEqualStencilFunc,
  PlaneGeometry,
  ReplaceStencilOp,
  Vector3,
  type Material,
  type Object3D,
  type Plane,
} from 'three'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { CUT_SOLIDS, type CutSolid } from '../../domain/section.ts'
import { replaceChunk } from '../three/replaceChunk.ts'
import { markHelper, solidMeshes } from '../model/solidMeshes.ts'
import { capName, stencilPassName } from './sectionNames.ts'
import { CapExtent } from './capFit.ts'
import { OSTEOPHYTE_REACH_MM } from '../../domain/lesion/osteophytes.ts'

/** What a cut through each solid looks like. */
export const CAP_LOOK: Record<CutSolid, { color: string; roughness: number }> = {
  hipBone: { color: '#efe2c6', roughness: 0.8 },
  femur: { color: '#f2e6cb', roughness: 0.8 },
  // Healthy cancellous bone: pale and neutral with a trabecular pattern (TRABECULAE below); no
  // normal tissue takes the disease's colours (orange: losing its supply; grey: dead).
  femurCancellous: { color: '#eadfca', roughness: 0.95 },
  femoralHeadCartilage: { color: '#dbe5ea', roughness: 0.5 },
  acetabularCartilage: { color: '#dbe5ea', roughness: 0.5 },
}

/** The caps, drawn in the order of domain/section.ts CUT_SOLIDS (which picking follows too). */
export const CAP_STYLES: readonly { id: CutSolid; color: string; roughness: number }[] = CUT_SOLIDS.map((id) => ({ id, ...CAP_LOOK[id] }))

/** Render order of the first cap's stencil pass: after the (opaque) model itself. */
const FIRST_ORDER = 10
/**
 * How far a cap's quad reaches past the plane's section of its solids' bounding box (mm). The
 * disease's stencil passes (../disease/shaders.ts DZ_STENCIL_VERTEX) move the head's bone inward
 * and grow the stage IV osteophytes outward, up to OSTEOPHYTE_REACH_MM past the undeformed bone;
 * the femur's motion is its meshes' matrices. 1 mm more covers rounding.
 */
const CAP_MARGIN_MM = OSTEOPHYTE_REACH_MM + 1

export interface SectionCaps {
  /** Quads on the cutting plane, one per capped solid, to be added to the scene. */
  readonly capMeshes: Mesh[]
  /** The stencil passes, children of the solids' meshes (their programs are warmed with the caps'). */
  readonly passes: readonly Mesh[]
  /** Moves the quads onto the plane (after the plane changed). */
  place(plane: Plane): void
  /**
   * Draws the caps and their stencil passes, or skips them (no cut shown). Kept rather than
   * disposed between cuts: the next cut then compiles no program (./sectionPlane.ts). Returns
   * whether that changed what is drawn.
   */
  show(on: boolean): boolean
  dispose(): void
}

function stencilMaterial(plane: Plane): MeshBasicMaterial {
  return new MeshBasicMaterial({
    side: DoubleSide,
    colorWrite: false,
    depthWrite: false,
    depthTest: false,
    clippingPlanes: [plane],
    stencilWrite: true,
    stencilFunc: AlwaysStencilFunc,
    stencilFail: InvertStencilOp,
    stencilZFail: InvertStencilOp,
    stencilZPass: InvertStencilOp,
  })
}

const scratch = new Vector3()
const axisU = new Vector3()
const axisV = new Vector3()
const extent = new CapExtent(axisU, axisV)

/**
 * Scales and moves `cap` (a unit quad, turned onto the plane by `place`) over the plane's section
 * of the bounding boxes of `passes` (the stencil passes that count its solids, with the geometry
 * and matrices they are drawn with); to nothing when the plane misses them.
 */
function fitCap(cap: Mesh, passes: readonly Mesh[], plane: Plane): void {
  plane.coplanarPoint(scratch)
  axisU.set(1, 0, 0).applyQuaternion(cap.quaternion)
  axisV.set(0, 1, 0).applyQuaternion(cap.quaternion)
  extent.reset(plane, scratch)
  for (const pass of passes) {
    if (!pass.geometry.boundingBox) pass.geometry.computeBoundingBox()
    extent.addBox(pass.geometry.boundingBox!, pass.matrixWorld)
  }
  const rect = extent.rect(CAP_MARGIN_MM)
  if (rect) {
    cap.position.copy(scratch).addScaledVector(axisU, rect.centreU).addScaledVector(axisV, rect.centreV)
    cap.scale.set(rect.width, rect.height, 1)
  } else {
    // Nothing of this solid on the plane: a quad of no area draws no fragment.
    cap.position.copy(scratch)
    cap.scale.set(0, 0, 1)
  }
  cap.updateMatrixWorld()
}

/**
 * The cut face of cancellous bone: a meandering network of thin plates (trabeculae) around
 * marrow spaces — the iso-lines of two layers of smooth noise in world millimetres [design
 * choice: a readable impression of trabecular bone, not its real architecture].
 */
const TRABECULAE_PARS = /* glsl */ `
varying vec3 vSecWorld;
// How much of the pattern shows: a later patch sets it to 0 where the face is not cancellous
// bone (e.g. the disease caps, where the collapsed head leaves plate, cartilage or fluid).
float secTrabeculaeWeight = 1.0;
float secHash(vec3 p) {
  p = fract(p * 0.3183099 + 0.1);
  p *= 17.0;
  return fract(p.x * p.y * p.z * (p.x + p.y + p.z));
}
float secNoise(vec3 x) {
  vec3 i = floor(x);
  vec3 f = fract(x);
  f = f * f * (3.0 - 2.0 * f);
  return mix(mix(mix(secHash(i), secHash(i + vec3(1, 0, 0)), f.x), mix(secHash(i + vec3(0, 1, 0)), secHash(i + vec3(1, 1, 0)), f.x), f.y),
             mix(mix(secHash(i + vec3(0, 0, 1)), secHash(i + vec3(1, 0, 1)), f.x), mix(secHash(i + vec3(0, 1, 1)), secHash(i + vec3(1, 1, 1)), f.x), f.y), f.z);
}
float secTrabeculae(vec3 p) {
  float a = secNoise(p * 0.42);
  float b = secNoise(p * 0.42 + vec3(17.3, 5.1, 9.7));
  float la = 1.0 - smoothstep(0.015, 0.06, abs(a - 0.5));
  float lb = 1.0 - smoothstep(0.015, 0.06, abs(b - 0.5));
  return max(la, lb);
}
`
export function drawTrabeculae(material: MeshStandardMaterial): void {
  material.onBeforeCompile = (shader) => {
    let vertex = replaceChunk(shader.vertexShader, '#include <common>', '#include <common>\nvarying vec3 vSecWorld;')
    vertex = replaceChunk(vertex, '#include <begin_vertex>', '#include <begin_vertex>\nvSecWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;')
    shader.vertexShader = vertex
    const fragment = replaceChunk(shader.fragmentShader, '#include <common>', `#include <common>\n${TRABECULAE_PARS}`)
    // Applied after everything that colours the face (a later patch inserts its code right after
    // the include, so its colours get the pattern too).
    shader.fragmentShader = replaceChunk(fragment, '#include <color_fragment>', '#include <color_fragment>\ndiffuseColor.rgb *= 1.0 - 0.17 * secTrabeculaeWeight * secTrabeculae(vSecWorld);')
  }
  material.customProgramCacheKey = () => 'section-cap-trabeculae'
}

/** Builds the stencil passes (as children of the solids' meshes) and the cap quads. */
export function createSectionCaps(nodes: Partial<Record<StructureId, Object3D>>, plane: Plane): SectionCaps {
  const added: Mesh[] = []
  const materials: Material[] = []
  const capMeshes: Mesh[] = []
  // A unit quad, scaled and moved onto each cap's rectangle before it is drawn.
  const geometry = new PlaneGeometry(1, 1)
  CAP_STYLES.forEach((style, index) => {
    const node = nodes[style.id]
    if (!node) return
    const order = FIRST_ORDER + index * 3
    const solids = solidMeshes(node)
    const capPasses: Mesh[] = []
    for (const solid of solids) {
      // A pass per mesh, not per solid: a feature may deform a mesh's pass as it deforms the mesh
      // (the disease's collapse, ../disease/sectionCaps.ts), with that mesh's own frame.
      const material = stencilMaterial(plane)
      materials.push(material)
      const pass = new Mesh(solid.geometry, material)
      pass.name = stencilPassName(style.id)
      markHelper(pass)
      pass.renderOrder = order
      pass.raycast = () => {}
      solid.add(pass)
      added.push(pass)
      capPasses.push(pass)
    }
    const capMaterial = new MeshStandardMaterial({
      color: new Color(style.color),
      roughness: style.roughness,
      metalness: 0,
      side: DoubleSide,
      stencilWrite: true,
      stencilRef: 0,
      stencilFunc: NotEqualStencilFunc,
      stencilFail: ReplaceStencilOp,
      stencilZFail: ReplaceStencilOp,
      stencilZPass: ReplaceStencilOp,
    })
    if (style.id === 'femurCancellous') drawTrabeculae(capMaterial)
    materials.push(capMaterial)
    const cap = new Mesh(geometry, capMaterial)
    cap.name = capName(style.id)
    cap.renderOrder = order + 1
    markHelper(cap)
    cap.raycast = () => {}
    // Fitted as it is drawn, to the solids as they are drawn this frame (a femur moving in a step).
    cap.frustumCulled = false
    cap.onBeforeRender = () => fitCap(cap, capPasses, plane)
    // The next solid counts from zero wherever this cap was not drawn (depth test failed).
    cap.onAfterRender = (renderer) => renderer.clearStencil()
    capMeshes.push(cap)
  })
  return {
    capMeshes,
    passes: added,
    place(p: Plane) {
      p.coplanarPoint(scratch)
      for (const cap of capMeshes) {
        cap.position.copy(scratch)
        // The quad's front (+Z) faces the removed half, toward a viewer looking at the cut.
        cap.lookAt(scratch.x - p.normal.x, scratch.y - p.normal.y, scratch.z - p.normal.z)
        cap.updateMatrixWorld()
      }
    },
    show(on: boolean) {
      let changed = false
      for (const mesh of [...added, ...capMeshes]) {
        changed ||= mesh.visible !== on
        mesh.visible = on
      }
      return changed
    },
    dispose() {
      for (const pass of added) pass.removeFromParent()
      for (const cap of capMeshes) cap.removeFromParent()
      for (const material of materials) material.dispose()
      geometry.dispose()
    },
  }
}
