/**
 * Bone removal as real geometry (src/geometry/subtractBone.ts) on the committed model's femur:
 * the results are closed solids, the holes have the planned sizes, the bone's own surface keeps
 * its attributes and the new faces face out of the bone.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadModel, type LoadedModel } from './model-loader.ts'
import { boneSolid } from './bone-solids.ts'
import { manifoldModule } from '../../src/anatomy/manifoldModule.ts'
import { BoneSubtractor, type ManifoldToplevel } from '../../src/geometry/subtractBone.ts'
import type { SolidMesh } from '../../src/geometry/solidMesh.ts'
import { closedSurfaceProblems, cross, dot, fitCircle, inside, slice, sub, unit, volumeOf } from './solid-measure.ts'
import type { BoneRemoval, Vec3 } from '../../src/domain/treatment/frame.ts'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'

type V = [number, number, number]
const add = (a: Vec3, b: Vec3, s = 1): V => [a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]]

let model: LoadedModel
let wasm: ManifoldToplevel
let lm: HipLandmarks
const subtractors = new Map<string, BoneSubtractor>()
const solids = new Map<string, SolidMesh>()

/** The single core of core decompression: from 10 mm outside the lateral cortex to 5 mm short of the head's surface, 10 mm wide. */
let core: Extract<BoneRemoval, { kind: 'cylinder' }>
let axis: V

beforeAll(async () => {
  model = await loadModel()
  wasm = await manifoldModule()
  const parsed = parseLandmarks(model.sceneExtras.landmarks)
  if (!parsed.ok) throw new Error('landmarks')
  lm = parsed.value
  const entry = lm.coreDecompressionEntry.point
  const centre = lm.femoralHead.centre
  axis = unit(sub(centre, entry))
  core = { kind: 'cylinder', id: 'core', from: add(entry, axis, -10), to: add(centre, axis, -(lm.femoralHead.radius - 5)), radius: 5 }
  for (const name of ['femur', 'femurCancellous'] as const) {
    const solid = boneSolid(model, name)
    solids.set(name, solid)
    subtractors.set(name, new BoneSubtractor(wasm, solid))
  }
}, 120_000)

describe('the input solids', () => {
  it('are closed once the vertices split at attribute seams are joined', () => {
    // The cortex has no seams; the cancellous core is split where its top was cut flat (creased normals).
    expect(subtractors.get('femur')!.report).toMatchObject({ seamVertices: 0, status: 'NoError', genus: -1 })
    const cancellous = subtractors.get('femurCancellous')!.report
    expect(cancellous.status).toBe('NoError')
    expect(cancellous.seamVertices).toBeGreaterThan(0)
    expect(cancellous.genus).toBe(0)
  })

  it('come back unchanged (the same object) for no removals', () => {
    for (const name of ['femur', 'femurCancellous']) expect(subtractors.get(name)!.subtract([])).toBe(solids.get(name))
  })
})

/** The triangles of `after` none of whose corners `before` had: the faces a cut made. */
function cutFaces(before: SolidMesh, after: SolidMesh): SolidMesh {
  const key = (P: Float32Array, v: number) => `${P[v * 3]},${P[v * 3 + 1]},${P[v * 3 + 2]}`
  const had = new Set<string>()
  for (let v = 0; v < before.positions.length / 3; v++) had.add(key(before.positions, v))
  const kept: number[] = []
  for (let t = 0; t < after.indices.length; t += 3) {
    const corners = [after.indices[t]!, after.indices[t + 1]!, after.indices[t + 2]!]
    if (corners.every((v) => !had.has(key(after.positions, v)))) kept.push(...corners)
  }
  return { ...after, indices: Uint32Array.from(kept) }
}

describe('a core up the neck', () => {
  const results = new Map<string, SolidMesh>()
  beforeAll(() => {
    for (const name of ['femur', 'femurCancellous']) results.set(name, subtractors.get(name)!.subtract([core]))
  })

  it('leaves both solids closed: every edge in exactly two triangles, once each way', () => {
    for (const name of ['femur', 'femurCancellous']) {
      const result = results.get(name)!
      expect(closedSurfaceProblems(result), name).toBe(0)
      expect(volumeOf(result), name).toBeLessThan(volumeOf(solids.get(name)!) - 1)
    }
  })

  it('has the planned diameter, measured mid-tunnel and in the lateral cortex', () => {
    const length = Math.hypot(...sub(core.to, core.from))
    const places: [string, number][] = [
      ['femurCancellous', length / 2],
      // 2 mm into the bone from the entry point (10 mm outside it): inside the lateral cortex.
      ['femur', 12],
    ]
    for (const [name, along] of places) {
      const at = add(core.from, axis, along)
      // Bone was there, and is not any more.
      expect(inside(solids.get(name)!, at, axis), name).toBe(true)
      expect(inside(results.get(name)!, at, axis), name).toBe(false)
      // The wall: where the faces the cut made cross the plane within 1.5 mm of the planned circle,
      // all round. Only new faces: the bone's outer surface, crossing the oblique plane near the
      // hole, pulled the fit 0.0-0.3 mm wide depending on where the slice fell.
      const wall = slice(cutFaces(solids.get(name)!, results.get(name)!), at, axis).filter(([x, y]) => Math.abs(Math.hypot(x, y) - core.radius) < 1.5)
      const around = new Set(wall.map(([x, y]) => Math.floor(((Math.atan2(y, x) + Math.PI) / (2 * Math.PI)) * 36)))
      // In the cortex the oblique plane meets the wall on part of the circle only.
      expect(around.size, name).toBeGreaterThanOrEqual(name === 'femur' ? 12 : 36)
      const fit = fitCircle(wall)
      expect(Math.abs(2 * fit.r - 2 * core.radius), `${name}: ${2 * fit.r} mm`).toBeLessThan(0.3)
      expect(Math.hypot(fit.cx, fit.cy), name).toBeLessThan(0.1)
    }
  })

  it('keeps the attributes of the surface it does not touch, turns the new faces out of the bone and flags them', () => {
    for (const name of ['femur', 'femurCancellous']) {
      const before = solids.get(name)!
      const after = results.get(name)!
      // Positions → original vertices (several where the input was split at a crease).
      const original = new Map<string, number[]>()
      for (let v = 0; v < before.positions.length / 3; v++) {
        const key = `${before.positions[v * 3]},${before.positions[v * 3 + 1]},${before.positions[v * 3 + 2]}`
        original.set(key, [...(original.get(key) ?? []), v])
      }
      const same = (v: number, o: number) =>
        dot([after.normals![v * 3]!, after.normals![v * 3 + 1]!, after.normals![v * 3 + 2]!], [before.normals![o * 3]!, before.normals![o * 3 + 1]!, before.normals![o * 3 + 2]!]) > 0.999 &&
        [0, 1, 2].every((k) => after.colors![v * 3 + k] === before.colors![o * 3 + k]) &&
        (!before.regions || after.regions![v] === before.regions[o])
      let kept = 0
      let wall = 0
      for (let v = 0; v < after.positions.length / 3; v++) {
        const p: V = [after.positions[v * 3]!, after.positions[v * 3 + 1]!, after.positions[v * 3 + 2]!]
        const n: V = [after.normals![v * 3]!, after.normals![v * 3 + 1]!, after.normals![v * 3 + 2]!]
        const q = sub(p, core.from)
        const t = dot(q, axis)
        const radial = sub(q, [axis[0] * t, axis[1] * t, axis[2] * t])
        const r = Math.hypot(...radial)
        const twins = original.get(p.join(','))
        if (twins && r > core.radius + 2) {
          kept++
          expect(twins.some((o) => same(v, o)), `${name}: vertex ${v} at ${p.join(', ')}`).toBe(true)
          // Flagged as the bone's own surface (scene/model/cutFaceLook.ts lights the cut ones evenly).
          expect(after.cutFaces![v], `${name}: vertex ${v}`).toBe(0)
        }
        // On the tunnel's wall (not its rim): the normal points to the axis, into the hole.
        if (Math.abs(r - core.radius) < 0.02 && t > 1 && t < Math.hypot(...sub(core.to, core.from)) - 1 && Math.abs(dot(n, axis)) < 0.5) {
          wall++
          expect(dot(n, unit(radial))).toBeLessThan(-0.99)
          expect(after.cutFaces![v], `${name}: wall vertex ${v}`).toBe(255)
        }
      }
      expect(kept, name).toBeGreaterThan(0.95 * (before.positions.length / 3))
      expect(wall, name).toBeGreaterThan(50)
    }
  })

  it('names the tunnel wall in the lateral cortex after the part of the femur it runs through', () => {
    const after = results.get('femur')!
    const table = model.meshes.get('femur')!.regionTable!
    const at = add(core.from, axis, 12)
    let nearest = -1
    let best = Infinity
    for (let v = 0; v < after.positions.length / 3; v++) {
      const d = Math.hypot(after.positions[v * 3]! - at[0], after.positions[v * 3 + 1]! - at[1], after.positions[v * 3 + 2]! - at[2])
      if (d < best) [best, nearest] = [d, v]
    }
    expect(best).toBeLessThan(core.radius + 0.5)
    expect(['lateralCortex', 'greaterTrochanter', 'vastusRidge', 'femoralShaft', 'endostealSurface']).toContain(table[after.regions![nearest]!])
  })
})

describe('a scraped-out cavity and a cortical window', () => {
  it('an ellipsoid inside the head takes its own volume out of the cancellous core and leaves it closed', () => {
    const c = add(lm.femoralHead.centre, axis, -4)
    const a0 = unit([1, 0.3, 0.1])
    const a1 = unit(cross([0, 0, 1], a0))
    const a2 = cross(a0, a1)
    const cavity: BoneRemoval = { kind: 'ellipsoid', id: 'cavity', centre: c, axes: [a0, a1, a2], radii: [8, 6, 7] }
    const before = solids.get('femurCancellous')!
    const after = subtractors.get('femurCancellous')!.subtract([cavity])
    expect(closedSurfaceProblems(after)).toBe(0)
    const removed = volumeOf(before) - volumeOf(after)
    const planned = (4 / 3) * Math.PI * 8 * 6 * 7
    expect(Math.abs(removed - planned) / planned).toBeLessThan(0.01)
  })

  it('a box window at the anterior head–neck junction cuts through the cortex into the core, both left closed', () => {
    const at = lm.headNeckJunction.anterior
    const out = unit(sub(at, add(lm.femoralHead.centre, axis, -Math.hypot(...sub(at, lm.femoralHead.centre)) * 0.8)))
    const a0 = unit(cross(axis, out))
    const a1 = cross(out, a0)
    const window: BoneRemoval = { kind: 'box', id: 'window', centre: at, axes: [a0, a1, out], halfSizes: [6, 5, 4] }
    for (const name of ['femur', 'femurCancellous']) {
      const before = solids.get(name)!
      const after = subtractors.get(name)!.subtract([window])
      expect(closedSurfaceProblems(after), name).toBe(0)
      expect(volumeOf(after), name).toBeLessThan(volumeOf(before) - 1)
    }
  })

  it('several removals at once (the core, then a cavity at its end) give one closed solid', () => {
    const cavity: BoneRemoval = { kind: 'ellipsoid', id: 'end', centre: core.to, axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], radii: [6, 6, 6] }
    for (const name of ['femur', 'femurCancellous']) {
      const after = subtractors.get(name)!.subtract([core, cavity])
      expect(closedSurfaceProblems(after), name).toBe(0)
    }
  })
})
