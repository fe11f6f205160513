/**
 * Writes the scene with gltf-transform: one node and one mesh per structure (node name =
 * structure id), regions as the integer `_REGION` attribute with the name table in the
 * mesh extras, landmarks in the scene extras, then quantization + EXT_meshopt_compression
 * (decoded in the app by three's bundled MeshoptDecoder; no Draco, no CDN).
 *
 * Deterministic: no timestamps, no randomness; same input → same bytes.
 */
import { Document, Logger, NodeIO, type Material } from '@gltf-transform/core'
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions'
import { meshopt } from '@gltf-transform/functions'
import { MeshoptEncoder } from 'meshoptimizer'
import type { MeshData } from './meshData.ts'

export interface MaterialSpec {
  readonly name: string
  readonly color: [number, number, number, number]
  readonly roughness: number
  readonly metalness?: number
  readonly transparent?: boolean
  readonly doubleSided?: boolean
}

export interface NodeSpec {
  readonly name: string
  readonly mesh: MeshData
  readonly material: string
  /** Region name table (index = `_REGION` value); only for meshes with regions. */
  readonly regions?: readonly string[]
}

export async function exportGlb(
  nodes: readonly NodeSpec[],
  materials: readonly MaterialSpec[],
  sceneExtras: Record<string, unknown>,
): Promise<Uint8Array> {
  const doc = new Document()
  doc.setLogger(new Logger(Logger.Verbosity.ERROR))
  doc.getRoot().getAsset().generator = 'hip-avn-explorer src/anatomy'
  const buffer = doc.createBuffer()
  const mats = new Map<string, Material>()
  for (const m of materials) {
    const mat = doc
      .createMaterial(m.name)
      .setBaseColorFactor(m.color)
      .setRoughnessFactor(m.roughness)
      .setMetallicFactor(m.metalness ?? 0)
      .setDoubleSided(m.doubleSided ?? false)
    if (m.transparent) mat.setAlphaMode('BLEND')
    mats.set(m.name, mat)
  }
  const scene = doc.createScene('hip').setExtras(sceneExtras)
  for (const n of nodes) {
    const m = n.mesh
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(unshared(m.positions)).setBuffer(buffer))
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(unshared(m.indices)).setBuffer(buffer))
    const mat = mats.get(n.material)
    if (!mat) throw new Error(`unknown material ${n.material}`)
    prim.setMaterial(mat)
    if (m.normals) prim.setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(unshared(m.normals)).setBuffer(buffer))
    if (m.colors) {
      const c = new Uint8Array(m.colors.length)
      for (let i = 0; i < c.length; i++) c[i] = Math.round(Math.max(0, Math.min(1, m.colors[i]!)) * 255)
      prim.setAttribute('COLOR_0', doc.createAccessor().setType('VEC3').setArray(c).setNormalized(true).setBuffer(buffer))
    }
    if (m.uvs) prim.setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(unshared(m.uvs)).setBuffer(buffer))
    if (m.regions) {
      prim.setAttribute(
        '_REGION',
        doc.createAccessor().setType('SCALAR').setArray(new Uint8Array(m.regions)).setBuffer(buffer),
      )
    }
    const mesh = doc.createMesh(n.name).addPrimitive(prim)
    if (n.regions) mesh.setExtras({ regions: [...n.regions] })
    scene.addChild(doc.createNode(n.name).setMesh(mesh))
  }
  doc.getRoot().setDefaultScene(scene)
  await MeshoptEncoder.ready
  // reorder + quantize + EXT_meshopt_compression ('high': normals use the octahedral filter).
  // Positions on one grid for the whole scene: a surface two meshes share (the cortex's inner
  // surface and the cancellous bone's) then quantises to the same points in both. On a grid per
  // mesh they drifted up to 0.012 mm apart, and a cut showed black specks through the slivers.
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'high', quantizePosition: 16, quantizationVolume: 'scene' }))
  const io = new NodeIO().registerExtensions([EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({
    'meshopt.encoder': MeshoptEncoder,
  })
  return io.writeBinary(doc)
}

/**
 * The glTF writer takes arrays on plain (not shared) memory. Ours always are; with the ES2024
 * typed-array types (which some build tools' typings bring in) an unqualified Float32Array may
 * be a view of a SharedArrayBuffer, so this says it — and copies, should one ever be shared.
 */
function unshared(array: Float32Array): Float32Array<ArrayBuffer>
function unshared(array: Uint32Array): Uint32Array<ArrayBuffer>
function unshared(array: Float32Array | Uint32Array): Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> {
  if (array.buffer instanceof ArrayBuffer) return array as Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>
  return array.slice() as Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>
}
