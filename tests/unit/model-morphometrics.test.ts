/**
 * Morphometrics measured on the generated meshes (not read back from the generator's
 * parameters) must fall inside mean ± 2 SD of the cohorts cited in
 * src/domain/anatomy/morphometrics.ts (clinical.md §2.1, §4.3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_HIP, type Cohort } from '../../src/domain/anatomy/morphometrics.ts'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { fitSphere, loadModel, regionVertices, sectionCentroid, type LoadedMesh, type LoadedModel } from './model-loader.ts'

type V = [number, number, number]
const sub = (a: V, b: V): V => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
const dot = (a: V, b: V) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const len = (a: V) => Math.hypot(...a)
const norm = (a: V): V => {
  const l = len(a)
  return [a[0] / l, a[1] / l, a[2] / l]
}
const along = (a: V, n: V): V => [n[0] * dot(a, n), n[1] * dot(a, n), n[2] * dot(a, n)]
const deg = (r: number) => (r * 180) / Math.PI
const angle = (a: V, b: V) => deg(Math.acos(Math.max(-1, Math.min(1, dot(norm(a), norm(b))))))

const measured: string[] = []
afterAll(() => {
  // The measured values, for the record.
  console.info(`measured morphometrics:\n  ${measured.join('\n  ')}`)
})

const within = (value: number, c: Cohort | undefined, label: string) => {
  if (!c) throw new Error(`${label}: no cohort`)
  measured.push(`${label}: ${value.toFixed(2)} (cohort ${c.mean} ± ${c.sd}, ${c.source})`)
  const msg = `${label} = ${value.toFixed(2)} vs ${c.mean} ± 2×${c.sd} (${c.source})`
  expect(value, msg).toBeGreaterThanOrEqual(c.mean - 2 * c.sd)
  expect(value, msg).toBeLessThanOrEqual(c.mean + 2 * c.sd)
}

/** Distances of all hits along a ray (Möller–Trumbore), sorted. */
function rayHits(m: LoadedMesh, o: V, d: V): number[] {
  const P = m.positions
  const I = m.indices
  const hits: number[] = []
  const at = (i: number): V => [P[i * 3]!, P[i * 3 + 1]!, P[i * 3 + 2]!]
  for (let t = 0; t < I.length; t += 3) {
    const a = at(I[t]!)
    const e1 = sub(at(I[t + 1]!), a)
    const e2 = sub(at(I[t + 2]!), a)
    const p: V = [d[1] * e2[2] - d[2] * e2[1], d[2] * e2[0] - d[0] * e2[2], d[0] * e2[1] - d[1] * e2[0]]
    const det = dot(e1, p)
    if (Math.abs(det) < 1e-12) continue
    const s = sub(o, a)
    const u = dot(s, p) / det
    if (u < 0 || u > 1) continue
    const q: V = [s[1] * e1[2] - s[2] * e1[1], s[2] * e1[0] - s[0] * e1[2], s[0] * e1[1] - s[1] * e1[0]]
    const v = dot(d, q) / det
    if (v < 0 || u + v > 1) continue
    const dist = dot(e2, q) / det
    if (dist > 0) hits.push(dist)
  }
  return hits.sort((x, y) => x - y)
}

let model: LoadedModel
let lm: HipLandmarks
let femur: LoadedMesh
let pelvis: LoadedMesh
beforeAll(async () => {
  model = await loadModel()
  lm = model.sceneExtras.landmarks as HipLandmarks
  femur = model.meshes.get('femur')!
  pelvis = model.meshes.get('hipBone')!
})

/** Shaft axis from section centroids; neck axis through the head centre and the waist centre. */
function femoralAxes() {
  const up = [...lm.shaftAxis.direction] as V
  const farFromHead = (p: V) => len(p) > 40
  const s1 = sectionCentroid(femur, up, dot(up, [0, -100, 0]), farFromHead)!
  const s2 = sectionCentroid(femur, up, dot(up, [0, -170, 0]), farFromHead)!
  const shaftUp = norm(sub(s1, s2))
  const n0 = [...lm.neckAxis.direction] as V
  // keep only the neck's own contour (the plane also cuts the trochanters further out)
  const nearNeck = (p: V) => len(sub(p, along(p, n0))) < 24
  let waist: V = [0, 0, 0]
  let waistRadius = Infinity
  for (let t = 18; t <= 32; t++) {
    const c = sectionCentroid(femur, n0, -t, nearNeck)
    if (!c) continue
    const P = femur.positions
    let s = 0
    let k = 0
    for (let i = 0; i < P.length; i += 3) {
      const p: V = [P[i]!, P[i + 1]!, P[i + 2]!]
      if (Math.abs(dot(p, n0) + t) < 0.6 && nearNeck(p) && len(sub(p, c)) > 9) {
        s += len(sub(p, c))
        k++
      }
    }
    if (k > 20 && s / k < waistRadius) {
      waistRadius = s / k
      waist = c
    }
  }
  return { shaftUp, neck: norm(sub([0, 0, 0], waist)), s1, waistRadius }
}

describe('femoral morphometrics measured on the mesh', () => {
  it('head: sphere fitted to the head surface is centred at the origin with the cited radius', () => {
    const fit = fitSphere(regionVertices(femur, ['femoralHead']))
    expect(len(fit.centre)).toBeLessThan(0.5)
    within(fit.radius, DEFAULT_HIP.headRadius.cohort, 'head radius')
    expect(Math.abs(fit.radius - lm.femoralHead.radius)).toBeLessThan(0.3)
  })

  it('neck-shaft angle and anteversion from the measured axes; landmark neck axis agrees', () => {
    const { shaftUp, neck } = femoralAxes()
    within(180 - angle(neck, shaftUp), DEFAULT_HIP.neckShaftAngle.cohort, 'neck-shaft angle')
    // anteversion: neck projected on the plane ⊥ shaft, against the femur's coronal plane
    const medial: V = norm([shaftUp[1], -shaftUp[0], 0])
    const proj = norm(sub(neck, along(neck, shaftUp)))
    within(deg(Math.atan2(proj[2], dot(proj, medial))), DEFAULT_HIP.femoralAnteversion.cohort, 'femoral anteversion')
    expect(angle(neck, [...lm.neckAxis.direction] as V)).toBeLessThan(2)
  })

  it('femoral offset: head centre to the measured shaft axis', () => {
    const { shaftUp, s1 } = femoralAxes()
    const w = sub([0, 0, 0], s1)
    within(len(sub(w, along(w, shaftUp))), DEFAULT_HIP.femoralOffset.cohort, 'femoral offset')
  })

  it('neck radius at the waist and head–neck offset', () => {
    const { waistRadius } = femoralAxes()
    within(waistRadius, DEFAULT_HIP.neckRadius.cohort, 'neck radius at the waist')
    within(lm.femoralHead.radius - waistRadius, DEFAULT_HIP.headNeckOffset.cohort, 'head–neck offset')
  })
})

describe('acetabular morphometrics measured on the mesh', () => {
  it('lunate surface fits a sphere concentric with the head; superior joint space ≈ 4.2 mm; cartilage fills it', () => {
    const fit = fitSphere(regionVertices(pelvis, ['lunateSurface']))
    expect(len(fit.centre)).toBeLessThan(0.8)
    const up: V = [0, 1, 0]
    // outer head surface (the femur mesh also holds the inner cortical wall)
    const headTop = Math.max(...rayHits(femur, [0, 0, 0], up).filter((h) => h < lm.femoralHead.radius + 1))
    const roof = rayHits(pelvis, [0, 0, 0], up)[0]!
    within(roof - headTop, DEFAULT_HIP.jointSpaceSuperior.cohort, 'superior joint space')
    const hc = rayHits(model.meshes.get('femoralHeadCartilage')!, [0, 0, 0], up)
    const ac = rayHits(model.meshes.get('acetabularCartilage')!, [0, 0, 0], up)
    const headCartOuter = hc[hc.length - 1]!
    const acetCartInner = ac[0]!
    measured.push(`head cartilage at the zenith: ${(headCartOuter - headTop).toFixed(2)} mm; acetabular: ${(roof - acetCartInner).toFixed(2)} mm; gap ${(acetCartInner - headCartOuter).toFixed(2)} mm`)
    expect(acetCartInner - headCartOuter).toBeGreaterThan(0.05)
    expect(headCartOuter - headTop).toBeGreaterThan(1.5)
    expect(roof - acetCartInner).toBeGreaterThan(1.4)
  })

  const lateralEdge = (): V => {
    // most lateral bone point of the roof on the cup sphere, in the coronal plane
    const P = pelvis.positions
    let best: V = [0, 0, 0]
    let bestAng = -Infinity
    const R = lm.acetabulum.radius
    for (let i = 0; i < P.length; i += 3) {
      const p: V = [P[i]!, P[i + 1]!, P[i + 2]!]
      if (Math.abs(p[2]) > 1.2 || p[1] <= 0 || Math.abs(len(p) - R) > 1.5) continue
      const a = deg(Math.atan2(-p[0], p[1]))
      if (a > bestAng) {
        bestAng = a
        best = p
      }
    }
    return best
  }

  it('lateral centre-edge angle', () => {
    const e = lateralEdge()
    within(deg(Math.atan2(-e[0], e[1])), DEFAULT_HIP.centreEdgeAngle.cohort, 'centre-edge angle')
    expect(len(sub(e, [...lm.acetabulum.lateralEdge] as V))).toBeLessThan(3)
  })

  it('Sharp (inclination) angle from the teardrop to the lateral edge', () => {
    const e = lateralEdge()
    const td = [...lm.acetabulum.teardrop] as V
    const P = pelvis.positions
    let nearest = Infinity
    for (let i = 0; i < P.length; i += 3) nearest = Math.min(nearest, len(sub([P[i]!, P[i + 1]!, P[i + 2]!], td)))
    expect(nearest, 'teardrop lies on the bone').toBeLessThan(2)
    within(deg(Math.atan2(e[1] - td[1], td[0] - e[0])), DEFAULT_HIP.acetabularInclination.cohort, 'Sharp angle')
  })

  it('acetabular anteversion in the axial plane through the centre', () => {
    // rim edges on the cup sphere in the transverse plane through the centre: the bone arc
    // runs round the medial side from the anterior edge to the posterior edge
    const P = pelvis.positions
    const R = lm.acetabulum.radius
    let ant: V | null = null
    let post: V | null = null
    for (let i = 0; i < P.length; i += 3) {
      const p: V = [P[i]!, P[i + 1]!, P[i + 2]!]
      if (Math.abs(p[1]) > 1.2 || Math.abs(len(p) - R) > 1.5) continue
      const th = Math.atan2(p[2], p[0])
      if (th > 0 && (!ant || th > Math.atan2(ant[2], ant[0]))) ant = p
      if (th < 0 && (!post || th < Math.atan2(post[2], post[0]))) post = p
    }
    expect(ant && post).toBeTruthy()
    within(deg(Math.atan2(ant![0] - post![0], ant![2] - post![2])), DEFAULT_HIP.acetabularAnteversion.cohort, 'acetabular anteversion')
  })

  it('acetabular depth from the rim plane to the floor of the fossa', () => {
    // rim height: mean over azimuth bins of the highest inner-rim point (notch excluded)
    const a = [...lm.acetabulum.openingAxis] as V
    const R = lm.acetabulum.radius
    const notch = [...lm.acetabulum.notchDirection] as V
    const e1 = norm(sub([0, 1, 0], along([0, 1, 0], a)))
    const e2: V = [a[1] * e1[2] - a[2] * e1[1], a[2] * e1[0] - a[0] * e1[2], a[0] * e1[1] - a[1] * e1[0]]
    const bins = new Map<number, number>()
    for (const p of regionVertices(pelvis, ['acetabularRim', 'psoasNotch', 'lunateSurface'])) {
      if (len(p) > R + 3 || angle(p, notch) < 35) continue
      const bin = Math.floor((deg(Math.atan2(dot(p, e2), dot(p, e1))) + 180) / 10)
      bins.set(bin, Math.max(bins.get(bin) ?? -Infinity, dot(p, a)))
    }
    const top = [...bins.values()].reduce((x, y) => x + y, 0) / bins.size
    let bottom = Infinity
    for (const p of regionVertices(pelvis, ['acetabularFossa'])) bottom = Math.min(bottom, dot(p, a))
    within(top - bottom, DEFAULT_HIP.acetabularDepth.cohort, 'acetabular depth')
  })
})
