/**
 * Our focused .glb reader against three's GLTFLoader on the committed model: same nodes,
 * same meshes, same vertex data in world space, same extras. If the generator starts writing
 * something the reader does not handle, this fails (and the reader names the feature).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Mesh, Vector3, type BufferAttribute, type Object3D } from 'three'
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js'
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js'
import { readGlb } from '../../src/scene/model/glbReader.ts'
import { checkGlb, ModelFileError } from '../../src/scene/model/modelFile.ts'

const MODEL = 'public/models/hip.glb'
const bytes = () => {
  const file = readFileSync(MODEL)
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer
}

function meshesByName(root: Object3D): Map<string, Mesh[]> {
  root.updateMatrixWorld(true)
  const out = new Map<string, Mesh[]>()
  root.traverse((o) => {
    if (!(o as Mesh).isMesh) return
    let named: Object3D | null = o
    while (named && !named.name) named = named.parent
    const key = named?.name ?? ''
    out.set(key, [...(out.get(key) ?? []), o as Mesh])
  })
  return out
}

function worldPositions(mesh: Mesh, samples = 50): number[][] {
  const pos = mesh.geometry.getAttribute('position') as BufferAttribute
  const v = new Vector3()
  const out: number[][] = []
  const step = Math.max(1, Math.floor(pos.count / samples))
  for (let i = 0; i < pos.count; i += step) {
    v.fromBufferAttribute(pos, i).applyMatrix4(mesh.matrixWorld)
    out.push([v.x, v.y, v.z])
  }
  return out
}

describe('glb reader', () => {
  it('reads the committed model exactly as GLTFLoader does', async () => {
    const ours = await readGlb(checkGlb(bytes()))
    const theirs = await new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).parseAsync(bytes(), '')
    const a = meshesByName(ours.scene)
    const b = meshesByName(theirs.scene)
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort())
    expect(a.size).toBeGreaterThan(5)
    for (const [name, meshesA] of a) {
      const meshesB = b.get(name)!
      expect(meshesA.length, name).toBe(meshesB.length)
      meshesA.forEach((ma, i) => {
        const mb = meshesB[i]!
        const attrs = Object.keys(mb.geometry.attributes).sort()
        expect(Object.keys(ma.geometry.attributes).sort(), name).toEqual(attrs)
        for (const attr of attrs) {
          const x = ma.geometry.getAttribute(attr) as BufferAttribute
          const y = mb.geometry.getAttribute(attr) as BufferAttribute
          expect([x.count, x.itemSize, x.normalized], `${name}.${attr}`).toEqual([y.count, y.itemSize, y.normalized])
        }
        expect(ma.geometry.index?.count, name).toBe(mb.geometry.index?.count)
        const pa = worldPositions(ma)
        const pb = worldPositions(mb)
        pa.forEach((p, k) => p.forEach((c, j) => expect(c).toBeCloseTo(pb[k]![j]!, 4)))
      })
    }
    expect(ours.extras).toEqual(theirs.scene.userData)
  })

  it('names what is wrong with a damaged file', async () => {
    const broken = bytes().slice(0)
    // Corrupt the JSON chunk's first byte ("{").
    new Uint8Array(broken)[20] = 0x7e
    await expect(readGlb(broken)).rejects.toThrow(/not valid JSON/)
    await expect(readGlb(broken)).rejects.toBeInstanceOf(ModelFileError)
  })

  it('refuses a file whose declared chunk runs past its end', async () => {
    const whole = bytes()
    const cut = whole.slice(0, Math.floor(whole.byteLength / 2))
    await expect(readGlb(cut)).rejects.toThrow(/cut short/)
  })
})
