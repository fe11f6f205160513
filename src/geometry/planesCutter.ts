/**
 * The cutter of a saw cut (frame.ts BoneRemoval 'planes': the neck osteotomy with its lateral
 * stop, resurfacing's head-height cut): the bound sphere, as a faceted convex polyhedron, clipped
 * by each plane in turn to the side the bone is taken from. Convex clipping keeps every face a
 * convex polygon and each plane's cap the convex polygon of the points where the faces cross it,
 * so the result is closed by construction: a point where an edge crosses a plane is computed from
 * the edge's ends in one order whichever face asks, and every face then finds the same numbers.
 *
 * The sphere's facets shade round (their normals point from the centre); each cap is flat, its own
 * vertices at its rim (a crease) joined to the others' by `shared`. Pure arithmetic.
 */
import type { HalfSpace, Vec3 } from '../domain/treatment/frame.ts'
import { Builder, EMPTY_CUTTER, dot, frameAround, positionKey, sub, unit, type CutterMesh, type P3 } from './cutterBuilder.ts'

/**
 * Facets round the bound sphere. Its surface only has to keep the cut from reaching bone far
 * away, and lies outside the bone where the cut is planned (the planes make the cut), so it is
 * coarser than a tunnel's wall: 48 round gives a sag of 0.2% of the radius (0.1 mm at 50 mm).
 */
const SPHERE_SEGMENTS = 48

/** A point this close to a plane (mm) lies on it: no sliver faces where a facet corner touches it. */
const ON_PLANE_MM = 1e-6

interface Face {
  readonly points: P3[]
  /** null: a facet of the sphere (round normals); else the flat outward normal of a plane's cap. */
  readonly flat: P3 | null
}

function sphereFaces(centre: Vec3, radius: number): Face[] {
  const n = SPHERE_SEGMENTS
  const rings = n / 2
  const at = (theta: number, phi: number): P3 => [
    centre[0] + radius * Math.sin(theta) * Math.cos(phi),
    centre[1] + radius * Math.sin(theta) * Math.sin(phi),
    centre[2] - radius * Math.cos(theta),
  ]
  const grid: P3[][] = []
  for (let r = 0; r <= rings; r++) {
    const row: P3[] = []
    // The poles are one point each (sin π is not exactly 0 in floats: set them).
    for (let i = 0; i < n; i++) row.push(r === 0 ? [centre[0], centre[1], centre[2] - radius] : r === rings ? [centre[0], centre[1], centre[2] + radius] : at((Math.PI * r) / rings, (2 * Math.PI * i) / n))
    grid.push(row)
  }
  const faces: Face[] = []
  // A ring turns counter-clockwise seen from +z, so (lo i, lo j, hi j, hi i) faces out.
  for (let r = 0; r < rings; r++) {
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n
      const lo = grid[r]!, hi = grid[r + 1]!
      if (r === 0) faces.push({ points: [lo[0]!, hi[j]!, hi[i]!], flat: null })
      else if (r === rings - 1) faces.push({ points: [lo[i]!, lo[j]!, hi[0]!], flat: null })
      else faces.push({ points: [lo[i]!, lo[j]!, hi[j]!, hi[i]!], flat: null })
    }
  }
  return faces
}

/** Where the segment a–b crosses the plane; the same numbers whichever end is named first. */
function crossing(a: P3, b: P3, da: number, db: number): P3 {
  if (positionKey(a) > positionKey(b)) return crossing(b, a, db, da)
  const s = da / (da - db)
  return [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s]
}

/** Keeps the part of every face on the removed side of `plane`, and closes the hole with its cap. */
function clip(faces: readonly Face[], plane: HalfSpace): Face[] {
  const normal = unit(plane.normal)
  const side = (p: P3) => {
    const d = dot(normal, sub(p, plane.point))
    return Math.abs(d) < ON_PLANE_MM ? 0 : d
  }
  const out: Face[] = []
  const onPlane = new Map<string, P3>()
  for (const face of faces) {
    const kept: P3[] = []
    const pts = face.points
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i]!, b = pts[(i + 1) % pts.length]!
      const da = side(a), db = side(b)
      if (da >= 0) kept.push(a)
      if (da === 0) onPlane.set(positionKey(a), a)
      if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
        const c = crossing(a, b, da, db)
        kept.push(c)
        onPlane.set(positionKey(c), c)
      }
    }
    if (kept.length >= 3) out.push({ points: kept, flat: face.flat })
  }
  // The cap: the points on the plane round their middle, counter-clockwise seen from outside
  // (from the kept side's outside, that is against `normal`).
  const rim = [...onPlane.values()]
  if (rim.length >= 3 && out.length > 0) {
    const mid: P3 = [0, 0, 0]
    for (const p of rim) for (let k = 0; k < 3; k++) mid[k]! += p[k]! / rim.length
    const outward: P3 = [-normal[0], -normal[1], -normal[2]]
    const [e1, e2] = frameAround(outward)
    const angle = (p: P3) => Math.atan2(dot(sub(p, mid), e2), dot(sub(p, mid), e1))
    rim.sort((p, q) => angle(p) - angle(q))
    out.push({ points: rim, flat: outward })
  }
  return out
}

export function planesCutter(planes: readonly HalfSpace[], centre: Vec3, radius: number): CutterMesh {
  let faces = sphereFaces(centre, radius)
  for (const plane of planes) {
    faces = clip(faces, plane)
    if (faces.length === 0) return EMPTY_CUTTER
  }
  const b = new Builder()
  for (const face of faces) {
    const ids = face.points.map((p) => b.shared(p, face.flat ?? unit(sub(p, centre))))
    // Convex polygons: a fan from the first corner.
    for (let i = 1; i + 1 < ids.length; i++) b.tri(ids[0]!, ids[i]!, ids[i + 1]!)
  }
  return b.done()
}

