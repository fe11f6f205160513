/**
 * A bone's solids (the femur's; the pelvis's for acetabular reaming) as the scene hands them to
 * the geometry worker: the file's own attribute arrays copied as they are (quantized integers,
 * one memory copy each, then transferred) with the matrices between the mesh's frame and the
 * model frame. Turning them into model-frame floats through three's readers is work per vertex
 * (45 558 vertices in the femur's two solids: 86 ms median in
 * Node, 225 ms in the browser's profile of the task that started the first cut, against 6 ms for
 * the copies), so it is done here, in the worker (`decodeSolid`: 5 ms with plain loops).
 *
 * The numbers come out exactly as three.js' own readers give them (BufferAttribute.getX and
 * getComponent, Vector3.applyMatrix4, transformDirection), so a cut looks the same wherever the
 * solids were decoded.
 */
import type { SolidInput } from './cutResult.ts'

export type ComponentArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array

/** A vertex attribute as three.js holds it (not interleaved). */
export interface RawAttribute {
  readonly array: ComponentArray
  readonly itemSize: number
  /** Integers that stand for −1…1 or 0…1 (KHR_mesh_quantization). */
  readonly normalized: boolean
}

export interface SolidSource {
  readonly position: RawAttribute
  readonly normal: RawAttribute | null
  readonly color: RawAttribute | null
  /** Landmark region per vertex (an index, never normalized in the file; read as three reads it). */
  readonly region: RawAttribute | null
  /** Every triangle of the solid (its near and far parts together). */
  readonly indices: Uint32Array
  /** The mesh's own frame → model frame, a column-major 4×4 matrix (rotation, uniform scale, translation). */
  readonly toModel: readonly number[]
  /** Its inverse (SolidInput.toLocal). */
  readonly toLocal: readonly number[]
  readonly split: SolidInput['split']
}

/** three.js' MathUtils.denormalize: the value an integer component stands for. */
function denormalizer(array: ComponentArray, normalized: boolean): (value: number) => number {
  if (!normalized || array instanceof Float32Array) return (v) => v
  if (array instanceof Uint32Array) return (v) => v / 4294967295
  if (array instanceof Uint16Array) return (v) => v / 65535
  if (array instanceof Uint8Array) return (v) => v / 255
  if (array instanceof Int32Array) return (v) => Math.max(v / 2147483647, -1)
  if (array instanceof Int16Array) return (v) => Math.max(v / 32767, -1)
  return (v) => Math.max(v / 127, -1)
}

/** The solid in the model frame, as the subtraction reads it. */
export function decodeSolid(source: SolidSource): SolidInput {
  const { position, normal, color, region } = source
  const count = position.array.length / position.itemSize
  const e = source.toModel
  const positions = new Float32Array(count * 3)
  const p = denormalizer(position.array, position.normalized)
  for (let v = 0; v < count; v++) {
    const o = v * position.itemSize
    const x = p(position.array[o]!), y = p(position.array[o + 1]!), z = p(position.array[o + 2]!)
    const w = 1 / (e[3]! * x + e[7]! * y + e[11]! * z + e[15]!)
    positions[v * 3] = (e[0]! * x + e[4]! * y + e[8]! * z + e[12]!) * w
    positions[v * 3 + 1] = (e[1]! * x + e[5]! * y + e[9]! * z + e[13]!) * w
    positions[v * 3 + 2] = (e[2]! * x + e[6]! * y + e[10]! * z + e[14]!) * w
  }
  let normals: Float32Array | null = null
  if (normal) {
    normals = new Float32Array(count * 3)
    const n = denormalizer(normal.array, normal.normalized)
    for (let v = 0; v < count; v++) {
      const o = v * normal.itemSize
      const x = n(normal.array[o]!), y = n(normal.array[o + 1]!), z = n(normal.array[o + 2]!)
      const a = e[0]! * x + e[4]! * y + e[8]! * z
      const b = e[1]! * x + e[5]! * y + e[9]! * z
      const c = e[2]! * x + e[6]! * y + e[10]! * z
      const inverse = 1 / (Math.sqrt(a * a + b * b + c * c) || 1)
      normals[v * 3] = a * inverse
      normals[v * 3 + 1] = b * inverse
      normals[v * 3 + 2] = c * inverse
    }
  }
  let colors: Uint8Array | null = null
  if (color) {
    colors = new Uint8Array(count * 3)
    const c = denormalizer(color.array, color.normalized)
    for (let v = 0; v < count; v++) {
      for (let k = 0; k < 3; k++) colors[v * 3 + k] = Math.round(Math.min(1, Math.max(0, c(color.array[v * color.itemSize + k]!))) * 255)
    }
  }
  let regions: Uint8Array | null = null
  if (region) {
    regions = new Uint8Array(count)
    const r = denormalizer(region.array, region.normalized)
    for (let v = 0; v < count; v++) regions[v] = r(region.array[v * region.itemSize]!)
  }
  return { positions, indices: source.indices, normals, colors, regions, toLocal: source.toLocal, split: source.split }
}

/** The typed arrays of a source, for a worker's transfer list. */
export function sourceBuffers(source: SolidSource): ArrayBuffer[] {
  const arrays = [source.position.array, source.normal?.array, source.color?.array, source.region?.array, source.indices]
  return arrays.filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer)
}
