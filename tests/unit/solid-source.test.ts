/**
 * The femur's solids cross to the geometry worker as the file's own arrays (geometry/solidSource.ts)
 * and are decoded there: the decoded numbers must be exactly those three.js' readers give on the
 * main thread (which is where they were computed before), for every quantized type the file uses,
 * so moving the work off the main thread changes no cut and no picture.
 */
import { describe, expect, it } from 'vitest'
import { BufferAttribute, Matrix4, Quaternion, Vector3 } from 'three'
import { decodeSolid, sourceBuffers, type ComponentArray } from '../../src/geometry/solidSource.ts'

/** Deterministic pseudo-random integers in [lo, hi]. */
function ints<T extends ComponentArray>(make: new (n: number) => T, n: number, lo: number, hi: number, seed: number): T {
  const out = new make(n)
  let s = seed
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648
    out[i] = lo + (s % (hi - lo + 1))
  }
  return out
}

describe('decodeSolid', () => {
  const count = 500
  // Rotation, uniform scale and translation, as a quantized mesh's node has them.
  const toModel = new Matrix4().compose(new Vector3(12.5, -40.25, 3), new Quaternion().setFromAxisAngle(new Vector3(1, 2, 3).normalize(), 0.7), new Vector3(0.013, 0.013, 0.013))
  const cases = [
    { name: 'Int16 positions, Int8 normals, Uint8 colours', position: ints(Int16Array, count * 3, -32768, 32767, 1), normal: ints(Int8Array, count * 3, -128, 127, 2), color: ints(Uint8Array, count * 3, 0, 255, 3) },
    { name: 'Uint16 positions, Int16 normals, Uint16 colours', position: ints(Uint16Array, count * 3, 0, 65535, 4), normal: ints(Int16Array, count * 3, -32768, 32767, 5), color: ints(Uint16Array, count * 3, 0, 65535, 6) },
    { name: 'float positions, normals and colours', position: Float32Array.from(ints(Int16Array, count * 3, -9000, 9000, 7), (v) => v / 7), normal: Float32Array.from(ints(Int8Array, count * 3, -127, 127, 8), (v) => v / 127), color: Float32Array.from(ints(Uint8Array, count * 3, 0, 255, 9), (v) => v / 250) },
  ]

  it.each(cases)('$name: the same numbers as three.js reads on the main thread', ({ position, normal, color }) => {
    const normalized = !(position instanceof Float32Array)
    const attributes = {
      position: new BufferAttribute(position, 3, normalized),
      normal: new BufferAttribute(normal, 3, normalized),
      color: new BufferAttribute(color, 3, normalized),
      region: new BufferAttribute(ints(Uint8Array, count, 0, 9, 10), 1),
    }
    const indices = ints(Uint32Array, 300, 0, count - 1, 11)
    const raw = (a: BufferAttribute) => ({ array: a.array as ComponentArray, itemSize: a.itemSize, normalized: a.normalized })
    const decoded = decodeSolid({
      position: raw(attributes.position), normal: raw(attributes.normal), color: raw(attributes.color), region: raw(attributes.region),
      indices, toModel: toModel.toArray(), toLocal: toModel.clone().invert().toArray(), split: null,
    })
    // What the scene computed per vertex before (three's readers, in the model frame).
    const p = new Vector3()
    const n = new Vector3()
    const want = { positions: new Float32Array(count * 3), normals: new Float32Array(count * 3), colors: new Uint8Array(count * 3), regions: new Uint8Array(count) }
    for (let v = 0; v < count; v++) {
      p.fromBufferAttribute(attributes.position, v).applyMatrix4(toModel).toArray(want.positions, v * 3)
      n.fromBufferAttribute(attributes.normal, v).transformDirection(toModel).toArray(want.normals, v * 3)
      for (let k = 0; k < 3; k++) want.colors[v * 3 + k] = Math.round(Math.min(1, Math.max(0, attributes.color.getComponent(v, k))) * 255)
      want.regions[v] = attributes.region.getX(v)
    }
    // Compared as bytes: equal floats, not merely close ones.
    const bytes = (a: ArrayBufferView | null) => Buffer.from(a!.buffer, a!.byteOffset, a!.byteLength).toString('base64')
    expect(bytes(decoded.positions)).toBe(bytes(want.positions))
    expect(bytes(decoded.normals)).toBe(bytes(want.normals))
    expect(bytes(decoded.colors)).toBe(bytes(want.colors))
    expect(bytes(decoded.regions)).toBe(bytes(want.regions))
    expect(decoded.indices).toBe(indices)
  })

  it('lists every array of a source for the transfer', () => {
    const a = (array: ComponentArray) => ({ array, itemSize: 3, normalized: true })
    const source = {
      position: a(new Int16Array(3)), normal: a(new Int8Array(3)), color: null, region: { array: new Uint8Array(1), itemSize: 1, normalized: false },
      indices: new Uint32Array(3), toModel: [], toLocal: [], split: null,
    }
    expect(sourceBuffers(source)).toEqual([source.position.array.buffer, source.normal.array.buffer, source.region.array.buffer, source.indices.buffer])
  })
})
