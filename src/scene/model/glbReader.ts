/**
 * A reader for the binary glTF files our own generator writes (src/anatomy/exportGlb.ts):
 * triangle meshes with indexed, optionally quantized attributes (KHR_mesh_quantization),
 * meshopt-compressed buffer views (EXT_meshopt_compression), a node tree and extras.
 *
 * Why not GLTFLoader: it drags in the animation system, skinning, texture and image loaders,
 * lights and cameras (about 21 KB gzip of code this app never runs), which put the first
 * download over its 300 KB budget. This reader handles only what the contract in
 * docs/contracts.md allows and refuses anything else by name. A unit test loads the committed
 * model with both this reader and GLTFLoader and compares every mesh, so the two cannot drift.
 * The benchmark's reference page still uses GLTFLoader.
 */
import { BufferAttribute, BufferGeometry, Group, Matrix4, Mesh, MeshStandardMaterial, Object3D } from 'three'
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js'
import { MAX_MODEL_BYTES, ModelFileError } from './modelFile.ts'

/**
 * Limits that keep a hostile or broken file from taking the tab down. The generated hip has
 * about 25 nodes and decodes to about 10 MB; a node tree that lists the same child many times
 * (within the depth limit) multiplies without bound, and a compressed view may claim any size.
 */
export const MAX_NODES = 2000
export const MAX_DECODED_BYTES = 256 * 1024 * 1024

const SUPPORTED_EXTENSIONS = new Set(['EXT_meshopt_compression', 'KHR_mesh_quantization'])
const JSON_CHUNK = 0x4e4f534a
const BIN_CHUNK = 0x004e4942
const TRIANGLES = 4

interface GltfJson {
  asset?: { version?: string }
  extensionsRequired?: string[]
  scene?: number
  scenes?: { nodes?: number[]; extras?: Record<string, unknown> }[]
  nodes?: NodeDef[]
  meshes?: { name?: string; primitives: PrimitiveDef[]; extras?: Record<string, unknown> }[]
  accessors?: AccessorDef[]
  bufferViews?: BufferViewDef[]
  buffers?: { byteLength: number; uri?: string }[]
}
interface NodeDef {
  name?: string
  mesh?: number
  children?: number[]
  matrix?: number[]
  translation?: [number, number, number]
  rotation?: [number, number, number, number]
  scale?: [number, number, number]
  extras?: Record<string, unknown>
}
interface PrimitiveDef {
  attributes: Record<string, number>
  indices?: number
  mode?: number
}
interface AccessorDef {
  bufferView?: number
  byteOffset?: number
  componentType: number
  normalized?: boolean
  count: number
  type: 'SCALAR' | 'VEC2' | 'VEC3' | 'VEC4' | 'MAT4'
  sparse?: unknown
}
interface BufferViewDef {
  buffer: number
  byteOffset?: number
  byteLength: number
  byteStride?: number
  extensions?: {
    EXT_meshopt_compression?: {
      buffer: number
      byteOffset?: number
      byteLength: number
      byteStride: number
      count: number
      mode: 'ATTRIBUTES' | 'TRIANGLES' | 'INDICES'
      filter?: 'NONE' | 'OCTAHEDRAL' | 'QUATERNION' | 'EXPONENTIAL'
    }
  }
}

const ITEM_SIZE = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT4: 16 } as const
type ComponentArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Uint32Array | Float32Array
const COMPONENT_ARRAYS: Record<number, { new (length: number): ComponentArray; BYTES_PER_ELEMENT: number }> = {
  5120: Int8Array,
  5121: Uint8Array,
  5122: Int16Array,
  5123: Uint16Array,
  5125: Uint32Array,
  5126: Float32Array,
}
/** glTF attribute names as three.js calls them (as GLTFLoader does). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  POSITION: 'position',
  NORMAL: 'normal',
  TANGENT: 'tangent',
  TEXCOORD_0: 'uv',
  TEXCOORD_1: 'uv1',
  COLOR_0: 'color',
}

export interface ReadGlb {
  readonly scene: Group
  readonly extras: Record<string, unknown>
}

function fail(reason: string): never {
  throw new ModelFileError(`The 3D model file could not be read: ${reason}.`)
}

function splitChunks(buffer: ArrayBuffer): { json: GltfJson; bin: Uint8Array | null } {
  const view = new DataView(buffer)
  let offset = 12
  let json: GltfJson | null = null
  let bin: Uint8Array | null = null
  while (offset + 8 <= buffer.byteLength) {
    const length = view.getUint32(offset, true)
    const type = view.getUint32(offset + 4, true)
    const start = offset + 8
    if (start + length > buffer.byteLength) fail('a data chunk is cut short')
    if (type === JSON_CHUNK) {
      try {
        json = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, start, length))) as GltfJson
      } catch {
        fail('its description is not valid JSON')
      }
    } else if (type === BIN_CHUNK) {
      bin = new Uint8Array(buffer, start, length)
    }
    offset = start + length
  }
  if (!json) fail('it has no description chunk')
  return { json, bin }
}

export async function readGlb(buffer: ArrayBuffer): Promise<ReadGlb> {
  if (buffer.byteLength > MAX_MODEL_BYTES) fail(`it is larger than the ${MAX_MODEL_BYTES / 1024 / 1024} MB this viewer reads`)
  const { json, bin } = splitChunks(buffer)
  if (!json.asset?.version?.startsWith('2.')) fail('it is not glTF 2.0')
  for (const ext of json.extensionsRequired ?? []) {
    if (!SUPPORTED_EXTENSIONS.has(ext)) fail(`it needs the glTF extension ${ext}, which this viewer does not read`)
  }
  await MeshoptDecoder.ready

  const viewCache = new Map<number, Uint8Array>()
  let decodedBytes = 0
  const bufferData = (index: number): Uint8Array => {
    const def = json.buffers?.[index]
    if (!def) fail(`buffer ${index} is missing`)
    if (def.uri !== undefined) fail('it refers to an external file')
    if (index !== 0 || !bin) fail(`buffer ${index} has no data`)
    return bin
  }
  const viewBytes = (index: number): Uint8Array => {
    const cached = viewCache.get(index)
    if (cached) return cached
    const def = json.bufferViews?.[index]
    if (!def) fail(`buffer view ${index} is missing`)
    const meshopt = def.extensions?.EXT_meshopt_compression
    let bytes: Uint8Array
    if (meshopt) {
      const source = bufferData(meshopt.buffer).subarray(meshopt.byteOffset ?? 0, (meshopt.byteOffset ?? 0) + meshopt.byteLength)
      const size = meshopt.count * meshopt.byteStride
      decodedBytes += size
      if (!(size >= 0) || decodedBytes > MAX_DECODED_BYTES) fail(`its compressed data would decode to more than ${MAX_DECODED_BYTES / 1024 / 1024} MB`)
      bytes = new Uint8Array(size)
      try {
        MeshoptDecoder.decodeGltfBuffer(bytes, meshopt.count, meshopt.byteStride, source, meshopt.mode, meshopt.filter ?? 'NONE')
      } catch {
        fail(`compressed data in buffer view ${index} is damaged`)
      }
    } else {
      const data = bufferData(def.buffer)
      const start = def.byteOffset ?? 0
      if (start + def.byteLength > data.byteLength) fail(`buffer view ${index} points past the end of the data`)
      bytes = data.subarray(start, start + def.byteLength)
    }
    viewCache.set(index, bytes)
    return bytes
  }

  const accessorArray = (index: number): { array: ComponentArray; itemSize: number; normalized: boolean } => {
    const def = json.accessors?.[index]
    if (!def) fail(`accessor ${index} is missing`)
    if (def.sparse || def.bufferView === undefined) fail(`accessor ${index} is sparse or empty`)
    const Ctor = COMPONENT_ARRAYS[def.componentType]
    if (!Ctor) fail(`accessor ${index} has an unknown number type`)
    const itemSize = ITEM_SIZE[def.type]
    const bytes = viewBytes(def.bufferView)
    const view = json.bufferViews![def.bufferView]!
    const elementBytes = itemSize * Ctor.BYTES_PER_ELEMENT
    const stride = view.extensions?.EXT_meshopt_compression?.byteStride ?? view.byteStride ?? elementBytes
    const start = def.byteOffset ?? 0
    if (start + stride * (def.count - 1) + elementBytes > bytes.byteLength) fail(`accessor ${index} points past its data`)
    // Copy into a tightly packed, aligned array (views may be strided or unaligned).
    const array = new Ctor(def.count * itemSize)
    const out = new Uint8Array(array.buffer)
    for (let i = 0; i < def.count; i++) {
      out.set(bytes.subarray(start + i * stride, start + i * stride + elementBytes), i * elementBytes)
    }
    return { array, itemSize, normalized: def.normalized === true }
  }

  const material = new MeshStandardMaterial()
  const meshCache = new Map<number, Object3D>()
  const buildMesh = (index: number): Object3D => {
    const def = json.meshes?.[index]
    if (!def) fail(`mesh ${index} is missing`)
    const meshes = def.primitives.map((primitive) => {
      if ((primitive.mode ?? TRIANGLES) !== TRIANGLES) fail(`mesh ${def.name ?? index} is not made of triangles`)
      const geometry = new BufferGeometry()
      for (const [name, accessor] of Object.entries(primitive.attributes)) {
        const { array, itemSize, normalized } = accessorArray(accessor)
        geometry.setAttribute(ATTRIBUTE_NAMES[name] ?? name.toLowerCase(), new BufferAttribute(array, itemSize, normalized))
      }
      if (primitive.indices !== undefined) {
        const { array } = accessorArray(primitive.indices)
        geometry.setIndex(new BufferAttribute(array, 1))
      }
      if (!geometry.getAttribute('position')) fail(`mesh ${def.name ?? index} has no positions`)
      geometry.computeBoundingSphere()
      const mesh = new Mesh(geometry, material)
      mesh.name = def.name ?? ''
      return mesh
    })
    const object: Object3D = meshes.length === 1 ? meshes[0]! : new Group().add(...meshes)
    object.userData = { ...(def.extras ?? {}) }
    meshCache.set(index, object)
    return object
  }

  const matrix = new Matrix4()
  let nodesBuilt = 0
  const buildNode = (index: number, depth: number): Object3D => {
    if (depth > 64) fail('its node tree is too deep or loops')
    if (++nodesBuilt > MAX_NODES) fail(`its node tree has more than ${MAX_NODES} nodes (a node is listed as a child again and again)`)
    const def = json.nodes?.[index]
    if (!def) fail(`node ${index} is missing`)
    let object: Object3D
    if (def.mesh !== undefined) {
      const mesh = meshCache.has(def.mesh) ? meshCache.get(def.mesh)!.clone() : buildMesh(def.mesh)
      // As GLTFLoader does: a node with a mesh and children wraps the mesh in a group.
      object = def.children?.length ? new Group().add(mesh) : mesh
    } else object = new Group()
    object.name = def.name ?? ''
    if (def.extras) object.userData = { ...object.userData, ...def.extras }
    if (def.matrix) object.applyMatrix4(matrix.fromArray(def.matrix))
    else {
      if (def.translation) object.position.fromArray(def.translation)
      if (def.rotation) object.quaternion.fromArray(def.rotation)
      if (def.scale) object.scale.fromArray(def.scale)
    }
    for (const child of def.children ?? []) object.add(buildNode(child, depth + 1))
    return object
  }

  const sceneDef = json.scenes?.[json.scene ?? 0]
  if (!sceneDef) fail('it has no scene')
  const scene = new Group()
  for (const node of sceneDef.nodes ?? []) scene.add(buildNode(node, 0))
  scene.userData = { ...(sceneDef.extras ?? {}) }
  return { scene, extras: scene.userData }
}
