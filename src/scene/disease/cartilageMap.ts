/**
 * How thick the two cartilage sheets are, by direction: the head's (from the head centre, in the
 * femur's rest frame) and the socket's (from the socket's centre, in the model frame), read off
 * the model's own meshes. The cut's caps (./sectionCaps.ts) need the sheets' joint surfaces to
 * draw the joint line where the two caps meet: the generator thins both sheets toward their
 * margins (anatomy/headCartilage.ts, anatomy/acetabularSoftTissue.ts), so the joint space is 0.2
 * mm at the dome and over a millimetre elsewhere, and the staging uniforms' single dome and roof
 * thicknesses put the surfaces in the wrong place there.
 *
 * One texture (its layout: ./cartilageMapLayout.ts): each sheet's joint surface rasterised into a
 * map of its radius by direction (geometry/sphereMap.ts), some thousands of triangles per quiet
 * moment (a ray per texel at the meshes' hierarchies would first build them: 130 ms in one task).
 */
import { Matrix4, Vector3, type DataTexture, type Matrix3, type Object3D } from 'three'
import type { Vec3 } from '../../domain/vec3.ts'
import { emptySphereMap, rasteriseIntoSphereMap, type SphereMap } from '../../geometry/sphereMap.ts'
import { MAP_HEIGHT, MAP_MM, MAP_WIDTH } from './cartilageMapLayout.ts'
import { inQuietMoment } from '../quietMoment.ts'
import { solidMeshes } from '../model/solidMeshes.ts'

const ORIGIN = [0, 0, 0] as const

/** Triangles rasterised per quiet moment (14–24 ms measured on a loaded machine, software rendering beside it). */
const TRIANGLES_PER_MOMENT = 10_000

export interface SheetSource {
  /** The sheet's node under the model root. */
  readonly node: Object3D
  /** Its centre (the frame's): the head centre or the socket's. */
  readonly centre: Vec3
  /** The bony sphere's radius the sheet lies on (mm). */
  readonly boneRadius: number
  /** Model frame → the frame the centre is in (the femur's rest frame for the head). */
  readonly toFrame: Readonly<Matrix4>
  /** Its frame → its map's (./cartilageMapLayout.ts mapBasisMatrix): the very matrix the shader reads. */
  readonly basis: Readonly<Matrix3>
}

/** One mesh of a sheet, its positions in its map's frame (about the sheet's centre), and which map it goes into. */
interface Part {
  readonly positions: Float32Array
  readonly index: ArrayLike<number>
  readonly sheet: SheetSource
  readonly map: SphereMap
  /** The head's joint surface is its outer one (beyond the bone), the socket's its inner one. */
  readonly outer: boolean
}

/**
 * Fills `texture` from the two sheets, some triangles per quiet moment; `done` when it is full
 * (never after the returned cancel). The head's thickness is its joint surface's radius less the
 * bone's; the socket's, the bone's radius less its joint surface's.
 */
export function makeCartilageMap(texture: DataTexture, modelRoot: Object3D, head: SheetSource, socket: SheetSource, done: () => void): () => void {
  const headMap = emptySphereMap(MAP_WIDTH, MAP_HEIGHT)
  const socketMap = emptySphereMap(MAP_WIDTH, MAP_HEIGHT)
  let parts: Part[] | null = null
  let part = 0
  let triangle = 0
  let cancel = () => {}
  const step = () => {
    if (parts === null) {
      // The first moment: the meshes' positions into their sheets' frames, as they are now.
      parts = [...partsOf(modelRoot, head, headMap, true), ...partsOf(modelRoot, socket, socketMap, false)]
    } else {
      let budget = TRIANGLES_PER_MOMENT
      while (budget > 0 && part < parts.length) {
        const p = parts[part]!
        const count = p.index.length / 3
        const to = Math.min(count, triangle + budget)
        const bone = p.sheet.boneRadius
        rasteriseIntoSphereMap(p.map, p.positions, p.index, ORIGIN, p.outer ? (r) => r > bone : (r) => r < bone, p.outer, triangle, to)
        budget -= to - triangle
        triangle = to
        if (triangle >= count) {
          part++
          triangle = 0
        }
      }
      if (part >= parts.length) {
        writeTexture(texture, headMap, socketMap, head.boneRadius, socket.boneRadius)
        done()
        return
      }
    }
    cancel = inQuietMoment(step)
  }
  cancel = inQuietMoment(step)
  return () => cancel()
}

function partsOf(modelRoot: Object3D, sheet: SheetSource, map: SphereMap, outer: boolean): Part[] {
  modelRoot.updateMatrixWorld(true)
  const rootInverse = new Matrix4().copy(modelRoot.matrixWorld).invert()
  const toSheet = new Matrix4()
  const point = new Vector3()
  // The sheet's frame → its map's: about its centre, its pole turned to +Y.
  const [cx, cy, cz] = sheet.centre
  const toMap = new Matrix4().setFromMatrix3(sheet.basis as Matrix3).multiply(new Matrix4().makeTranslation(-cx, -cy, -cz))
  return solidMeshes(sheet.node).flatMap((mesh) => {
    const position = mesh.geometry.getAttribute('position')
    const index = mesh.geometry.index
    if (!position || !index) return []
    toSheet.multiplyMatrices(rootInverse, mesh.matrixWorld).premultiply(sheet.toFrame as Matrix4).premultiply(toMap)
    const positions = new Float32Array(position.count * 3)
    for (let i = 0; i < position.count; i++) {
      point.fromBufferAttribute(position, i).applyMatrix4(toSheet)
      positions[3 * i] = point.x
      positions[3 * i + 1] = point.y
      positions[3 * i + 2] = point.z
    }
    return [{ positions, index: index.array, sheet, map, outer }]
  })
}

function writeTexture(texture: DataTexture, head: SphereMap, socket: SphereMap, headBone: number, socketBone: number): void {
  const data = texture.image.data as Uint8Array
  for (let k = 0; k < MAP_WIDTH * MAP_HEIGHT; k++) {
    const h = head.radius[k]!
    const s = socket.radius[k]!
    data[4 * k] = Number.isNaN(h) ? 0 : toByte(h - headBone)
    data[4 * k + 1] = Number.isNaN(s) ? 0 : toByte(socketBone - s)
    data[4 * k + 3] = 255
  }
  texture.needsUpdate = true
}

function toByte(mm: number): number {
  return Math.max(0, Math.min(255, Math.round((mm / MAP_MM) * 255)))
}
