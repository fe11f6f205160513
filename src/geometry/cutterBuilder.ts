/**
 * What every bone removal's cutter mesh is built with (./removalCutters.ts and the cutters of the
 * joint replacements beside it): the mesh type the subtraction reads, the facet count of a round
 * surface, and a builder that collects vertices with their normals, the triangles, and the
 * crease duplicates that the boolean must see as one vertex. Pure arithmetic.
 */
import type { Vec3 } from '../domain/treatment/frame.ts'

export interface CutterMesh {
  /** x, y, z per vertex (model frame, mm). */
  readonly positions: Float32Array
  /** Outward unit normal per vertex. */
  readonly normals: Float32Array
  /** Counter-clockwise seen from outside. */
  readonly indices: Uint32Array
  /** Vertex `mergeFrom[i]` lies where `mergeTo[i]` lies (a crease's duplicate). */
  readonly mergeFrom: Uint32Array
  readonly mergeTo: Uint32Array
}

export type P3 = [number, number, number]

/**
 * Facets around a circle: enough that the flat between two facet corners sinks at most
 * FACET_SAG_MM below the planned round surface (a tunnel of 10 mm measures 10 mm, not 9.9).
 */
const FACET_SAG_MM = 0.01
const MIN_SEGMENTS = 24
const MAX_SEGMENTS = 160

export function segmentsFor(radius: number): number {
  // sag = r (1 − cos(π/n)) ≈ r π² / (2 n²)
  const n = Math.ceil(Math.PI * Math.sqrt(radius / (2 * FACET_SAG_MM)))
  return Math.min(MAX_SEGMENTS, Math.max(MIN_SEGMENTS, n + (n % 2)))
}

export const sub = (a: Vec3, b: Vec3): P3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
export const cross = (a: Vec3, b: Vec3): P3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
export function unit(a: Vec3): P3 {
  const l = Math.hypot(a[0], a[1], a[2])
  if (!(l > 0)) throw new Error('a bone removal has a zero-length axis')
  return [a[0] / l, a[1] / l, a[2] / l]
}

/** Two unit vectors perpendicular to `u` and to each other, (e1, e2, u) right-handed. */
export function frameAround(u: Vec3): [P3, P3] {
  const helper: Vec3 = Math.abs(u[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]
  const e1 = unit(cross(helper, u))
  return [e1, cross(u, e1)]
}

/** Whether three axes form a left-handed frame (the contract asks for right-handed ones). */
export function leftHanded([a, b, c]: readonly [Vec3, Vec3, Vec3]): boolean {
  const n = cross(a, b)
  return n[0] * c[0] + n[1] * c[1] + n[2] * c[2] < 0
}

/** The exact position as a key: vertices computed from the same numbers get the same key. */
export const positionKey = (p: Vec3): string => `${p[0]},${p[1]},${p[2]}`

export class Builder {
  readonly p: number[] = []
  readonly n: number[] = []
  readonly t: number[] = []
  readonly from: number[] = []
  readonly to: number[] = []
  private readonly firstAt = new Map<string, number>()

  vertex(p: Vec3, n: Vec3): number {
    this.p.push(p[0], p[1], p[2])
    this.n.push(n[0], n[1], n[2])
    return this.p.length / 3 - 1
  }

  /**
   * A vertex with its own normal that the boolean joins to the first vertex given at exactly
   * this position (the faces meeting at a crease each shade by their own normal).
   */
  shared(p: Vec3, n: Vec3): number {
    const id = this.vertex(p, n)
    const key = positionKey(p)
    const first = this.firstAt.get(key)
    if (first === undefined) this.firstAt.set(key, id)
    else this.same(id, first)
    return id
  }

  tri(a: number, b: number, c: number): void {
    this.t.push(a, b, c)
  }

  same(duplicate: number, original: number): void {
    this.from.push(duplicate)
    this.to.push(original)
  }

  /** Enclosed volume of the triangles as wound (positive when they face out). */
  signedVolume(): number {
    const P = this.p
    let v = 0
    for (let i = 0; i < this.t.length; i += 3) {
      const a = this.t[i]! * 3, b = this.t[i + 1]! * 3, c = this.t[i + 2]! * 3
      v += dot([P[a]!, P[a + 1]!, P[a + 2]!], cross([P[b]!, P[b + 1]!, P[b + 2]!], [P[c]!, P[c + 1]!, P[c + 2]!])) / 6
    }
    return v
  }

  /**
   * `mirrored`: every triangle is turned round (the axes given were left-handed, or a shape was
   * wound consistently but inward: see `doneOutward`).
   */
  done(mirrored = false): CutterMesh {
    if (mirrored) for (let i = 0; i < this.t.length; i += 3) [this.t[i + 1], this.t[i + 2]] = [this.t[i + 2]!, this.t[i + 1]!]
    return {
      positions: Float32Array.from(this.p),
      normals: Float32Array.from(this.n),
      indices: Uint32Array.from(this.t),
      mergeFrom: Uint32Array.from(this.from),
      mergeTo: Uint32Array.from(this.to),
    }
  }

  /** For a shape wound consistently but with no handedness worked out: faced out by its volume's sign. */
  doneOutward(): CutterMesh {
    return this.done(this.signedVolume() < 0)
  }
}

/** An empty cutter: a removal that takes nothing (a saw cut wholly outside its bound). */
export const EMPTY_CUTTER: CutterMesh = new Builder().done()
