/**
 * A geometry's ray-casting hierarchy for code in the first download (the inside-a-solid test, the
 * cut faces' regions, the pictures' picking), which must not import three-mesh-bvh: the one
 * already on the geometry, else one the lazily loaded hierarchy code (./bvh.ts) can supply
 * cheaply — a cut bone's part arrives with the hierarchy the geometry worker built, to be wrapped.
 * Without it, the label layer's occlusion test after each cut cast its rays at every triangle of
 * the femur (three's plain ray cast, 35–50 ms per check while a core decompression played).
 */
import type { BufferGeometry, Ray, Side, Vector3 } from 'three'

export interface BoundsTree {
  raycast(ray: Ray, side: Side): unknown[]
  closestPointToPoint(point: Vector3, target?: { point: Vector3; distance: number; faceIndex: number }): { faceIndex: number } | null
}

let supplier: ((geometry: BufferGeometry) => BoundsTree | null) | null = null

/** The hierarchy of a geometry, if it has one or one can be had without building it. */
export function boundsTreeOf(geometry: BufferGeometry): BoundsTree | null {
  const own = (geometry as BufferGeometry & { boundsTree?: BoundsTree }).boundsTree
  return own ?? supplier?.(geometry) ?? null
}

/** Set by ./bvh.ts when it loads. */
export function supplyBoundsTrees(supply: (geometry: BufferGeometry) => BoundsTree | null): void {
  supplier = supply
}
