/**
 * Shared by the model-*.test.ts files: decodes public/models/hip.glb with gltf-transform
 * (meshopt + dequantization through the node transforms) into plain arrays in model
 * millimetres, so geometry can be measured without three or a browser.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { NodeIO, type Document } from '@gltf-transform/core'
import { ALL_EXTENSIONS } from '@gltf-transform/extensions'
import { MeshoptDecoder } from 'meshoptimizer'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'

export const MODEL_PATH = fileURLToPath(new URL('../../public/models/hip.glb', import.meta.url))

export interface LoadedMesh {
  readonly name: string
  readonly positions: Float32Array
  readonly indices: Uint32Array
  readonly regions: Uint8Array | null
  readonly regionTable: readonly string[] | null
  readonly uvs: Float32Array | null
  readonly hasColor: boolean
  readonly hasNormal: boolean
  readonly primitives: number
}

export interface LoadedModel {
  readonly bytes: number
  readonly doc: Document
  readonly meshes: Map<string, LoadedMesh>
  readonly sceneExtras: Record<string, unknown>
}

export async function loadModel(bytes: Uint8Array = readFileSync(MODEL_PATH)): Promise<LoadedModel> {
  await MeshoptDecoder.ready
  const io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder })
  const doc = await io.readBinary(bytes)
  const meshes = new Map<string, LoadedMesh>()
  const scene = doc.getRoot().getDefaultScene() ?? doc.getRoot().listScenes()[0]!
  for (const node of doc.getRoot().listNodes()) {
    const mesh = node.getMesh()
    if (!mesh) continue
    const m = node.getWorldMatrix()
    const prims = mesh.listPrimitives()
    const prim = prims[0]!
    const pos = prim.getAttribute('POSITION')!
    const n = pos.getCount()
    const positions = new Float32Array(n * 3)
    const el: number[] = [0, 0, 0]
    for (let i = 0; i < n; i++) {
      pos.getElement(i, el)
      const [x, y, z] = el as [number, number, number]
      positions[i * 3] = m[0] * x + m[4] * y + m[8] * z + m[12]
      positions[i * 3 + 1] = m[1] * x + m[5] * y + m[9] * z + m[13]
      positions[i * 3 + 2] = m[2] * x + m[6] * y + m[10] * z + m[14]
    }
    const idx = prim.getIndices()!
    const indices = new Uint32Array(idx.getArray()!)
    const reg = prim.getAttribute('_REGION')
    const regions = reg ? new Uint8Array(reg.getArray()!) : null
    const uvA = prim.getAttribute('TEXCOORD_0')
    let uvs: Float32Array | null = null
    if (uvA) {
      uvs = new Float32Array(uvA.getCount() * 2)
      const e: number[] = [0, 0]
      for (let i = 0; i < uvA.getCount(); i++) {
        uvA.getElement(i, e)
        uvs[i * 2] = e[0]!
        uvs[i * 2 + 1] = e[1]!
      }
    }
    const extras = mesh.getExtras() as { regions?: string[] }
    meshes.set(node.getName(), {
      name: node.getName(),
      positions,
      indices,
      regions,
      regionTable: extras.regions ?? null,
      uvs,
      hasColor: !!prim.getAttribute('COLOR_0'),
      hasNormal: !!prim.getAttribute('NORMAL'),
      primitives: prims.length,
    })
  }
  return { bytes: bytes.length, doc, meshes, sceneExtras: scene.getExtras() as Record<string, unknown> }
}

/** Vertices of a mesh whose region is one of `ids`. */
export function regionVertices(m: LoadedMesh, ids: readonly string[]): [number, number, number][] {
  const out: [number, number, number][] = []
  if (!m.regions || !m.regionTable) return out
  const want = new Set(ids.map((id) => m.regionTable!.indexOf(id)))
  for (let i = 0; i < m.regions.length; i++)
    if (want.has(m.regions[i]!)) out.push([m.positions[i * 3]!, m.positions[i * 3 + 1]!, m.positions[i * 3 + 2]!])
  return out
}

/** Least-squares sphere fit (algebraic, then refined): centre and radius. */
export function fitSphere(pts: readonly [number, number, number][]): { centre: [number, number, number]; radius: number } {
  // Solve x² + y² + z² = 2ax + 2by + 2cz + d by normal equations.
  const A = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ]
  const b = [0, 0, 0, 0]
  for (const [x, y, z] of pts) {
    const row = [2 * x, 2 * y, 2 * z, 1]
    const rhs = x * x + y * y + z * z
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) A[i]![j]! += row[i]! * row[j]!
      b[i]! += row[i]! * rhs
    }
  }
  // Gaussian elimination.
  for (let i = 0; i < 4; i++) {
    let p = i
    for (let r = i + 1; r < 4; r++) if (Math.abs(A[r]![i]!) > Math.abs(A[p]![i]!)) p = r
    ;[A[i], A[p]] = [A[p]!, A[i]!]
    ;[b[i], b[p]] = [b[p]!, b[i]!]
    for (let r = i + 1; r < 4; r++) {
      const f = A[r]![i]! / A[i]![i]!
      for (let c = i; c < 4; c++) A[r]![c]! -= f * A[i]![c]!
      b[r]! -= f * b[i]!
    }
  }
  const s = [0, 0, 0, 0]
  for (let i = 3; i >= 0; i--) {
    let acc = b[i]!
    for (let c = i + 1; c < 4; c++) acc -= A[i]![c]! * s[c]!
    s[i] = acc / A[i]![i]!
  }
  const centre: [number, number, number] = [s[0]!, s[1]!, s[2]!]
  const radius = Math.sqrt(s[3]! + s[0]! ** 2 + s[1]! ** 2 + s[2]! ** 2)
  return { centre, radius }
}

/**
 * Centroid of the contour where a mesh crosses the plane {p : n·p = d} (mean of the
 * edge–plane intersection points, weighted by edge length of the contour).
 */
export function sectionCentroid(m: LoadedMesh, n: readonly [number, number, number], d: number, filter?: (p: [number, number, number]) => boolean): [number, number, number] | null {
  const P = m.positions
  const I = m.indices
  let sx = 0, sy = 0, sz = 0, sw = 0
  const side = (v: number) => P[v * 3]! * n[0] + P[v * 3 + 1]! * n[1] + P[v * 3 + 2]! * n[2] - d
  for (let t = 0; t < I.length; t += 3) {
    const pts: [number, number, number][] = []
    for (let e = 0; e < 3; e++) {
      const a = I[t + e]!, b = I[t + ((e + 1) % 3)]!
      const da = side(a), db = side(b)
      if ((da < 0) !== (db < 0)) {
        const s = da / (da - db)
        pts.push([
          P[a * 3]! + (P[b * 3]! - P[a * 3]!) * s,
          P[a * 3 + 1]! + (P[b * 3 + 1]! - P[a * 3 + 1]!) * s,
          P[a * 3 + 2]! + (P[b * 3 + 2]! - P[a * 3 + 2]!) * s,
        ])
      }
    }
    if (pts.length !== 2) continue
    const [p, q] = pts as [[number, number, number], [number, number, number]]
    const mid: [number, number, number] = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2]
    if (filter && !filter(mid)) continue
    const w = Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])
    sx += mid[0] * w
    sy += mid[1] * w
    sz += mid[2] * w
    sw += w
  }
  return sw > 0 ? [sx / sw, sy / sw, sz / sw] : null
}

/** The landmarks the generator wrote into the committed model (throws when they do not parse). */
export async function loadLandmarks(): Promise<HipLandmarks> {
  const parsed = parseLandmarks((await loadModel()).sceneExtras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  return parsed.value
}
