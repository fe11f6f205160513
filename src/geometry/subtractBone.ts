/**
 * The pure core of bone removal: a closed bone solid minus the treatment's removals
 * (domain/treatment/frame.ts), by exact mesh booleans (manifold-3d), returning a closed solid
 * with the attributes the femur's materials read (./solidMesh.ts).
 *
 * Attributes of the result: where the bone's own surface survives, its vertices keep their
 * normals, colours and regions exactly (manifold-3d carries them as vertex properties and
 * interpolates them where an edge is cut). The new faces (the tunnel's wall and end, the
 * cavity's lining) take the cutter's normals, turned to face out of the bone; their colour is
 * the baked shading of the nearest surface vertex, a little darker (a hole reads as a hole);
 * every vertex's region is the nearest original vertex's, so picking on a tunnel wall names the
 * part of the bone it runs through (regions are categories: an interpolated value would name a
 * third, unrelated region). A film the cut leaves where a surface lay on the cutter's is dropped
 * (./cutFilms.ts).
 *
 * Runs in the geometry worker (./boneCut.worker.ts) and in Node tests. No three.js.
 */
import type ManifoldModule from 'manifold-3d'
import type { Manifold } from 'manifold-3d'
import type { BoneRemoval } from '../domain/treatment/frame.ts'
import { cutterMesh } from './removalCutters.ts'
import { NearestVertex } from './nearestVertex.ts'
import { withoutFilms } from './cutFilms.ts'
import type { SolidMesh } from './solidMesh.ts'

export type ManifoldToplevel = Awaited<ReturnType<typeof ManifoldModule>>

/** Vertex properties while in manifold-3d: position, normal, colour. */
const NUM_PROP = 9
const NORMAL_AT = 3
const COLOUR_AT = 6
/** MeshGL.runFlags bit 0: the run is the back side of its original (a subtracted solid's faces). */
const BACKSIDE = 1
/**
 * The inside of a hole against the nearest outer surface's colour, per channel: darker and
 * redder, as freshly cut cancellous bone with its marrow is, so a tunnel seen in a cut reads as a
 * hole and not as a rod lying in the bone (lit from the front, a concave and a convex
 * half-cylinder shade alike) [design choice]. Redder by hue, not by darkening: (0.72, 0.6, 0.56)
 * left the wall tan, read as a rod (surgeon's review); (0.62, 0.42, 0.38) was red enough but
 * turned a dead-grey cavity lining near-black. This keeps about the old one's brightness for
 * pale bone (0.2126 r + 0.7152 g + 0.0722 b, 2% less) with green at 0.6 of red instead of 0.78
 * (on screen, lit and tinted, the core's wall goes from 0.78 to 0.69). How
 * the faces are lit (evenly in part, so no wall goes black): scene/model/cutFaceLook.ts, from the
 * `cutFaces` flags set below.
 */
const HOLE_SHADE = [0.9, 0.54, 0.42] as const

/** A removal's sphere, when it is one (an ellipsoid with equal radii: a reamer). */
function sphereOf(r: BoneRemoval): { centre: readonly number[]; radius: number } | null {
  if (r.kind !== 'ellipsoid' || r.radii[0] !== r.radii[1] || r.radii[1] !== r.radii[2]) return null
  return { centre: r.centre, radius: r.radii[0] }
}

/**
 * The removals without the spheres that lie inside another sphere of the list (touching it
 * from inside counts: the reamers of a socket share the pole of their domes). Each boolean
 * union of a sphere costs its thousands of facets; four nested reamers took 4.9 s against one.
 */
function withoutNested(removals: readonly BoneRemoval[]): BoneRemoval[] {
  const spheres = removals.map(sphereOf)
  return removals.filter((_, i) => {
    const a = spheres[i]
    if (!a) return true
    return !spheres.some((b, j) => {
      if (!b || j === i || b.radius < a.radius || (b.radius === a.radius && j > i)) return false
      const gap = Math.hypot(a.centre[0]! - b.centre[0]!, a.centre[1]! - b.centre[1]!, a.centre[2]! - b.centre[2]!)
      return gap + a.radius <= b.radius + 1e-6
    })
  })
}

/** What was found in the input solid: glTF splits vertices where attributes differ (a crease). */
export interface InputReport {
  /** Vertices that had to be joined to their twin at the same position to close the solid. */
  readonly seamVertices: number
  /** manifold-3d's verdict on the joined solid ('NoError' = closed, oriented, 2-manifold). */
  readonly status: string
  readonly genus: number
  readonly volume: number
}

/** One bone solid, loaded into manifold-3d once, cut by any list of removals. */
export class BoneSubtractor {
  readonly report: InputReport
  private readonly bone: Manifold
  private nearest: NearestVertex | null = null

  constructor(
    private readonly wasm: ManifoldToplevel,
    private readonly solid: SolidMesh,
  ) {
    const count = solid.positions.length / 3
    const props = new Float32Array(count * NUM_PROP)
    for (let v = 0; v < count; v++) {
      const o = v * NUM_PROP
      for (let k = 0; k < 3; k++) {
        props[o + k] = solid.positions[v * 3 + k]!
        props[o + NORMAL_AT + k] = solid.normals ? solid.normals[v * 3 + k]! : 0
        props[o + COLOUR_AT + k] = solid.colors ? solid.colors[v * 3 + k]! / 255 : 1
      }
    }
    const mesh = new wasm.Mesh({ numProp: NUM_PROP, vertProperties: props, triVerts: solid.indices })
    mesh.merge()
    const seamVertices = mesh.mergeFromVert?.length ?? 0
    const bone = new wasm.Manifold(mesh)
    const status = String(bone.status())
    if (status !== 'NoError') {
      bone.delete()
      throw new Error(`the bone solid is not closed (${status}, ${seamVertices} seam vertices joined)`)
    }
    this.bone = bone
    this.report = { seamVertices, status, genus: bone.genus(), volume: bone.volume() }
  }

  /** The bone minus every removal; [] (or removals that take nothing) gives the input itself. */
  subtract(removals: readonly BoneRemoval[]): SolidMesh {
    // A removal may take nothing (a saw cut whose planes miss its bound): it has no cutter. One
    // inside another takes nothing more (rising reamers all reaching one floor are nested spheres).
    const meshes = withoutNested(removals)
      .map(cutterMesh)
      .filter((c) => c.indices.length > 0)
    if (meshes.length === 0) return this.solid
    const cutters = this.cutters(meshes)
    const tool = cutters.length === 1 ? cutters[0]! : this.wasm.Manifold.union(cutters)
    const result = this.bone.subtract(tool)
    try {
      const status = String(result.status())
      if (status !== 'NoError') throw new Error(`the cut bone is not closed (${status})`)
      // Not getMesh(NORMAL_AT): in manifold-3d 3.5.4 it also rescales the channels after the
      // normal (our colours came back divided by their length). The cutters' normals are turned
      // here instead (./attributes below).
      return this.attributes(result.getMesh(), 'subtracted')
    } finally {
      result.delete()
      if (tool !== cutters[0]) tool.delete()
      for (const cutter of cutters) cutter.delete()
    }
  }

  /**
   * The bone INSIDE one removal (what it takes away: the head the neck cut frees), a closed solid
   * whose new faces lie on the removal's surface, facing out of the piece; empty when it takes
   * nothing.
   */
  within(removal: BoneRemoval): SolidMesh {
    const mesh = cutterMesh(removal)
    if (mesh.indices.length === 0) return { positions: new Float32Array(0), indices: new Uint32Array(0), normals: null, colors: null, regions: null }
    const [cutter] = this.cutters([mesh])
    const result = this.bone.intersect(cutter!)
    try {
      const status = String(result.status())
      if (status !== 'NoError') throw new Error(`the piece of bone is not closed (${status})`)
      return this.attributes(result.getMesh(), 'kept')
    } finally {
      result.delete()
      cutter!.delete()
    }
  }

  private cutters(meshes: readonly ReturnType<typeof cutterMesh>[]): Manifold[] {
    const { wasm } = this
    return meshes.map((c) => {
      const count = c.positions.length / 3
      const props = new Float32Array(count * NUM_PROP)
      for (let v = 0; v < count; v++) {
        for (let k = 0; k < 3; k++) {
          props[v * NUM_PROP + k] = c.positions[v * 3 + k]!
          props[v * NUM_PROP + NORMAL_AT + k] = c.normals[v * 3 + k]!
        }
      }
      return new wasm.Manifold(new wasm.Mesh({ numProp: NUM_PROP, vertProperties: props, triVerts: c.indices, mergeFromVert: c.mergeFrom, mergeToVert: c.mergeTo }))
    })
  }

  /**
   * The result's attributes. `how`: 'subtracted' (the new faces are the cutters' back sides: their
   * normals turned round) or 'kept' (an intersection: the new faces are the cutter's own, facing out).
   */
  private attributes(mesh: InstanceType<ManifoldToplevel['Mesh']>, how: 'subtracted' | 'kept'): SolidMesh {
    const props = mesh.vertProperties
    const triVerts = mesh.triVerts
    // Vertices of the new faces of the cut: the subtracted cutters' runs (flagged as their back
    // side), or in an intersection every run that is not the bone's own.
    const boneID = how === 'kept' ? this.bone.originalID() : -1
    const cut = new Uint8Array(mesh.numVert)
    for (let run = 0; run < mesh.runOriginalID.length; run++) {
      const isNew = how === 'subtracted' ? (mesh.runFlags[run]! & BACKSIDE) !== 0 : mesh.runOriginalID[run] !== boneID
      if (!isNew) continue
      for (let i = mesh.runIndex[run]!; i < mesh.runIndex[run + 1]!; i++) cut[triVerts[i]!] = 1
    }
    const turn = how === 'subtracted' ? -1 : 1
    const all = Uint32Array.from(triVerts)
    const kept = withoutFilms(props, NUM_PROP, all, mesh.mergeFromVert, mesh.mergeToVert)
    // Vertices of dropped films go too: `old[v]` is the result's vertex that becomes vertex v.
    let old: Uint32Array | null = null
    let indices = kept
    if (kept !== all) {
      const renumber = new Int32Array(mesh.numVert).fill(-1)
      const order: number[] = []
      indices = kept.map((v) => (renumber[v]! >= 0 ? renumber[v]! : (renumber[v] = order.push(v) - 1)))
      old = Uint32Array.from(order)
    }
    const count = old ? old.length : mesh.numVert
    const positions = new Float32Array(count * 3)
    const normals = new Float32Array(count * 3)
    const colors = this.solid.colors ? new Uint8Array(count * 3) : null
    const regions = this.solid.regions ? new Uint8Array(count) : null
    const cutFaces = new Uint8Array(count)
    this.nearest ??= new NearestVertex(this.solid.positions)
    for (let v = 0; v < count; v++) {
      const from = old ? old[v]! : v
      if (cut[from]) cutFaces[v] = 255
      const o = from * NUM_PROP
      const x = props[o]!, y = props[o + 1]!, z = props[o + 2]!
      positions.set([x, y, z], v * 3)
      const nx = props[o + NORMAL_AT]!, ny = props[o + NORMAL_AT + 1]!, nz = props[o + NORMAL_AT + 2]!
      // A cutter's outward normal faces into the bone it was taken from: turn it round.
      const l = (cut[from] ? turn : 1) * (Math.hypot(nx, ny, nz) || 1)
      normals.set([nx / l, ny / l, nz / l], v * 3)
      if (!colors && !regions) continue
      const near = cut[from] || regions ? this.nearest.find(x, y, z) : -1
      if (colors) {
        for (let k = 0; k < 3; k++) {
          const own = cut[from] ? (this.solid.colors![near * 3 + k]! / 255) * HOLE_SHADE[k]! : props[o + COLOUR_AT + k]!
          colors[v * 3 + k] = Math.round(Math.min(1, Math.max(0, own)) * 255)
        }
      }
      if (regions) regions[v] = this.solid.regions![near]!
    }
    return { positions, indices, normals, colors, regions, cutFaces }
  }

  dispose(): void {
    this.bone.delete()
  }
}

/** One-off form of BoneSubtractor (tests, scripts). */
export function subtractRemovals(wasm: ManifoldToplevel, solid: SolidMesh, removals: readonly BoneRemoval[]): SolidMesh {
  const subtractor = new BoneSubtractor(wasm, solid)
  try {
    return subtractor.subtract(removals)
  } finally {
    subtractor.dispose()
  }
}
