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

/** A positions-only copy of the triangles of `source` near `centre` (model frame via `toModel`). */
function nearHeadGeometry(source: BufferGeometry, toModel: Matrix4, centre: Vector3): BufferGeometry | null {
  const position = source.getAttribute('position')
  if (!position) return null
  const index = source.getIndex()
  const count = index ? index.count : position.count
  const near = new Uint8Array(position.count)
  const p = new Vector3()
  for (let i = 0; i < position.count; i++) {
    p.fromBufferAttribute(position, i).applyMatrix4(toModel)
    near[i] = p.distanceTo(centre) < NEAR_HEAD_MM ? 1 : 0
  }
  const remap = new Int32Array(position.count).fill(-1)
  const kept: number[] = []
  const xyz: number[] = []
  for (let t = 0; t + 2 < count; t += 3) {
    const a = index ? index.getX(t) : t
    const b = index ? index.getX(t + 1) : t + 1
    const c = index ? index.getX(t + 2) : t + 2
    if (!near[a] && !near[b] && !near[c]) continue
    for (const v of [a, b, c]) {
      if (remap[v] === -1) {
        remap[v] = xyz.length / 3
        xyz.push(position.getX(v), position.getY(v), position.getZ(v))
      }
      kept.push(remap[v]!)
    }
  }
  if (kept.length === 0) return null
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(xyz), 3))
  geometry.setIndex(kept)
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
  // A solid given a new geometry (a cut, or the file's back): copy its triangles near the head again.
  const unsubscribe = useGeometryRevision.subscribe(() => {
    for (const [helper, source] of sources) {
      if (source.solid.geometry === source.from) continue
      source.from = source.solid.geometry
      const old = helper.geometry
      helper.geometry = nearHeadGeometry(source.from, source.toModel, centre) ?? new BufferGeometry()
      old.dispose()
    }
  })
  return {
    setOpen(open) {
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
