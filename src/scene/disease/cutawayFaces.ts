/**
 * The cut faces of the cutaway window (see DZ_WINDOW in ./shaders.ts): for each solid the window
 * cuts (hip bone, labrum, acetabular cartilage), a helper mesh with its triangles near the head
 * that draws only their back faces, flat in the cut colour, and only inside the window behind the plane
 * through the head centre — what the eye sees of the solid once the window has removed the front.
 * Without it the socket would read as an empty shell.
 *
 * A separate, unlit, back-face-only draw rather than making the structure's own material
 * double-sided: that would rasterise and shade every back face of the bone in every frame; the
 * helpers are hidden (no cost) while the window is closed. Each helper draws a copy of its
 * solid's triangles near the head, so when a treatment reams the socket (the model's geometry
 * owner swaps the solid's geometry: ../model/modelGeometry.ts) the copy is made again from the
 * new geometry.
 */
import { BackSide, BufferAttribute, BufferGeometry, Color, Matrix4, Mesh, MeshBasicMaterial, Vector3, type WebGLProgramParametersWithUniforms } from 'three'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { CUTAWAY_REACH_MM } from '../../domain/cutaway.ts'
import type { LoadedHip } from '../model/modelStore.ts'
import { CUT_COLOUR } from './cutawayLook.ts'
import { DZ_WINDOW_PARS } from './shaders.ts'
import type { DiseaseUniforms } from './uniforms.ts'
import { toAncestorMatrix } from '../three/toAncestorMatrix.ts'
import { replaceChunk } from '../three/replaceChunk.ts'
import { markHelper, solidMeshes } from '../model/solidMeshes.ts'
import { useGeometryRevision } from '../model/geometryRevision.ts'

/** The solids with a cut face, and the colour key of each (./cutawayLook.ts). */
const CUT_SOLIDS: Partial<Record<StructureId, string>> = { hipBone: 'hipBone', labrum: 'labrum', acetabularCartilage: 'acetCartilage' }

const VERTEX_PARS = /* glsl */ `
uniform mat4 uToModel;
varying vec3 vDzPos;
`
const VERTEX = /* glsl */ `
#include <begin_vertex>
vDzPos = (uToModel * vec4(transformed, 1.0)).xyz;
`
const FRAGMENT_PARS = /* glsl */ `
uniform vec3 uHeadCentre;
uniform vec3 uHeadShift;
varying vec3 vDzPos;
${DZ_WINDOW_PARS}
`
const FRAGMENT = /* glsl */ `
#include <clipping_planes_fragment>
float dzWinFront;
float dzWinEdge = dzWindowEdge(vDzPos, dzWinFront);
// Only inside the window, behind the plane through the head centre (in front it is cut away).
if (uWinRadius <= 0.0 || dzWinEdge >= 0.0 || dzWinFront > 0.0) discard;
`
const OPAQUE = /* glsl */ `
// Flat cut colour, darker in a thin line along the window's edge (the front faces carry the other half).
outgoingLight = uCutColour * (1.0 - 0.55 * (1.0 - smoothstep(0.5, 1.3, -dzWinEdge)));
#include <opaque_fragment>
`

/**
 * Only the triangles near the head: the window cuts nothing beyond its reach, and the rest of the
 * pelvis would cost vertex work in every frame for nothing. The margin keeps the far side of bone
 * that a ray through the window crosses obliquely (else a sliver of background shows through).
 */
const NEAR_HEAD_MM = CUTAWAY_REACH_MM + 40

/**
 * A positions-only copy of the triangles of `source` near `centre` (model frame via `toModel`).
 * Straight over the arrays (a treatment's cut femur is some 10⁵ vertices: through Vector3 and the
 * attribute's accessors this took 50 ms of a hip replacement's step).
 */
function nearHeadGeometry(source: BufferGeometry, toModel: Matrix4, centre: Vector3): BufferGeometry | null {
  const position = source.getAttribute('position')
  if (!position) return null
  const index = source.getIndex()
  const count = index ? index.count : position.count
  const n = position.count
  const xyz = new Float32Array(3 * n)
  for (let i = 0; i < n; i++) {
    xyz[3 * i] = position.getX(i)
    xyz[3 * i + 1] = position.getY(i)
    xyz[3 * i + 2] = position.getZ(i)
  }
  const e = toModel.elements
  const limit = NEAR_HEAD_MM * NEAR_HEAD_MM
  const near = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const x = xyz[3 * i]!, y = xyz[3 * i + 1]!, z = xyz[3 * i + 2]!
    // The frame is affine (a node's matrix): no perspective divide.
    const dx = e[0]! * x + e[4]! * y + e[8]! * z + e[12]! - centre.x
    const dy = e[1]! * x + e[5]! * y + e[9]! * z + e[13]! - centre.y
    const dz = e[2]! * x + e[6]! * y + e[10]! * z + e[14]! - centre.z
    near[i] = dx * dx + dy * dy + dz * dz < limit ? 1 : 0
  }
  const triangles = index ? (index.array as ArrayLike<number>) : null
  const remap = new Int32Array(n).fill(-1)
  const kept = new Uint32Array(count)
  let keptCount = 0
  const out = new Float32Array(3 * n)
  let vertices = 0
  for (let t = 0; t + 2 < count; t += 3) {
    const a = triangles ? triangles[t]! : t
    const b = triangles ? triangles[t + 1]! : t + 1
    const c = triangles ? triangles[t + 2]! : t + 2
    if (!near[a] && !near[b] && !near[c]) continue
    for (const v of [a, b, c]) {
      if (remap[v] === -1) {
        remap[v] = vertices
        out[3 * vertices] = xyz[3 * v]!
        out[3 * vertices + 1] = xyz[3 * v + 1]!
        out[3 * vertices + 2] = xyz[3 * v + 2]!
        vertices++
      }
      kept[keptCount++] = remap[v]!
    }
  }
  if (keptCount === 0) return null
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(out.slice(0, 3 * vertices), 3))
  geometry.setIndex(new BufferAttribute(vertices > 65535 ? kept.slice(0, keptCount) : Uint16Array.from(kept.subarray(0, keptCount)), 1))
  return geometry
}

export interface CutFaces {
  /** Shows the helpers while the window is open (called every frame: allocation-free). */
  setOpen(open: boolean): void
  dispose(): void
}

/** `headCentre`: the femoral head's centre (model frame, mm) from the landmarks. */
export function createCutFaces(model: LoadedHip, uniforms: DiseaseUniforms, headCentre: readonly [number, number, number]): CutFaces {
  const helpers: Mesh[] = []
  /** Each helper's solid, the solid's geometry its copy was made from, and the solid's frame. */
  const sources = new Map<Mesh, { solid: Mesh; from: BufferGeometry; toModel: Matrix4 }>()
  const centre = new Vector3(...headCentre)
  for (const [id, key] of Object.entries(CUT_SOLIDS) as [StructureId, string][]) {
    const node = model.nodes[id]
    if (!node) continue
    // Not the parts of a bone that keep their plain material (no window there).
    const solids = solidMeshes(node).filter((mesh) => mesh.userData.diseaseFree !== true)
    for (const solid of solids) {
      const toModel = toAncestorMatrix(solid, model.scene)
      const geometry = nearHeadGeometry(solid.geometry, toModel, centre)
      if (!geometry) continue
      const material = new MeshBasicMaterial({ side: BackSide })
      const own = { uToModel: { value: toModel }, uCutColour: { value: new Color(CUT_COLOUR[key] ?? '#efe2c6') } }
      material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
        Object.assign(
          shader.uniforms,
          { uHeadCentre: uniforms.uHeadCentre, uHeadShift: uniforms.uHeadShift, uWinRadius: uniforms.uWinRadius, uWorldToModel: uniforms.uWorldToModel },
          own,
        )
        shader.vertexShader = replaceChunk(replaceChunk(shader.vertexShader, '#include <common>', `#include <common>\n${VERTEX_PARS}`), '#include <begin_vertex>', VERTEX)
        let fragment = replaceChunk(shader.fragmentShader, '#include <common>', `#include <common>\n${FRAGMENT_PARS}`)
        fragment = replaceChunk(fragment, '#include <clipping_planes_fragment>', FRAGMENT)
        shader.fragmentShader = replaceChunk(fragment, '#include <opaque_fragment>', OPAQUE)
      }
      material.customProgramCacheKey = () => 'hip-cutaway-faces'
      const helper = new Mesh(geometry, material)
      helper.name = `cutaway-faces-${id}`
      // Read by the rest of the app as "a helper that shares a structure's geometry": not
      // faded, highlighted, clipped, patched or picked as the structure itself.
      markHelper(helper)
      helper.raycast = () => {}
      helper.visible = false
      solid.add(helper)
      helpers.push(helper)
      sources.set(helper, { solid, from: solid.geometry, toModel })
    }
  }
  // A solid given a new geometry (a cut, or the file's back): its triangles near the head are
  // copied again when the window is next open (a treatment's steps cut the femur again and again
  // with the window shut: copying at each cut stalled those steps for nothing).
  let stale = false
  const refresh = () => {
    stale = false
    for (const [helper, source] of sources) {
      if (source.solid.geometry === source.from) continue
      source.from = source.solid.geometry
      const old = helper.geometry
      helper.geometry = nearHeadGeometry(source.from, source.toModel, centre) ?? new BufferGeometry()
      old.dispose()
    }
  }
  let shown = false
  const unsubscribe = useGeometryRevision.subscribe(() => {
    stale = true
    if (shown) refresh()
  })
  return {
    setOpen(open) {
      if (open && stale) refresh()
      shown = open
      for (let i = 0; i < helpers.length; i++) helpers[i]!.visible = open
    },
    dispose() {
      unsubscribe()
      for (const helper of helpers) {
        helper.removeFromParent()
        helper.geometry.dispose()
        ;(helper.material as MeshBasicMaterial).dispose()
      }
    },
  }
}
