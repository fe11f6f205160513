/**
 * Tags on the disease in the 3D view — "dead bone", "crack", "cyst", "socket" — so that once the disease
 * shows, a patient sees at a glance what the picture is about. Pure: where each tag points (model
 * frame of a right hip, the femur at rest, mm) and when it applies. The scene projects them and
 * hides those behind bone; the page draws them with the landmark labels.
 */
import type { HipLandmarks } from '../anatomy/landmarks.ts'
import { clipPlaneOf, type SectionState } from '../section.ts'
import type { Vec3 } from '../viewState.ts'
import { ACETABULAR_CHANGES, acetabularCystOffset, type AcetabularCyst } from '../imaging/xrayAttenuation.ts'
import { CRESCENT_DEPTH_MM, crescentStart, interfaceDistance, isInLesion, type LesionGeometry } from './geometry.ts'

import type { DiseaseTagId, TagView } from './diseaseTagRules.ts'

export { DISEASE_TAG_IDS, DISEASE_TAGS, diseaseTagsShown, type DiseaseTag, type DiseaseTagId, type TagView } from './diseaseTagRules.ts'

const DEG = Math.PI / 180
/**
 * How far inside the lesion's edge the crack's tag points on a cut (mm): past the band of repair
 * tissue the caps draw along the edge (2.6 mm, scene/disease/sectionCaps.ts), on dead bone.
 */
const CRACK_TAG_INSET_MM = 3

/**
 * A point of the lesion on the cutting plane, as near its middle as the plane allows (null if the
 * plane misses it): searched on a grid in the plane around the foot of the lesion's centre.
 */
function lesionOnPlane(g: LesionGeometry, centre: Vec3, section: SectionState, depthMm: number): Vec3 | null {
  const { normal, constant } = clipPlaneOf(section, 'right')
  const target: Vec3 = [centre[0] + g.centre[0] * (g.radius - depthMm), centre[1] + g.centre[1] * (g.radius - depthMm), centre[2] + g.centre[2] * (g.radius - depthMm)]
  const dist = normal[0] * target[0] + normal[1] * target[1] + normal[2] * target[2] + constant
  const foot: Vec3 = [target[0] - normal[0] * dist, target[1] - normal[1] * dist, target[2] - normal[2] * dist]
  // Two directions in the plane.
  const a: Vec3 = Math.abs(normal[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]
  const d = a[0] * normal[0] + a[1] * normal[1] + a[2] * normal[2]
  const u0: Vec3 = [a[0] - d * normal[0], a[1] - d * normal[1], a[2] - d * normal[2]]
  const ul = Math.hypot(...u0)
  const u: Vec3 = [u0[0] / ul, u0[1] / ul, u0[2] / ul]
  const v: Vec3 = [normal[1] * u[2] - normal[2] * u[1], normal[2] * u[0] - normal[0] * u[2], normal[0] * u[1] - normal[1] * u[0]]
  let best: Vec3 | null = null
  let bestDist = Infinity
  for (let i = -24; i <= 24; i++) {
    for (let j = -24; j <= 24; j++) {
      const p: Vec3 = [foot[0] + u[0] * i + v[0] * j, foot[1] + u[1] * i + v[1] * j, foot[2] + u[2] * i + v[2] * j]
      const q: Vec3 = [p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]]
      if (!isInLesion(q, g)) continue
      const dd = i * i + j * j
      if (dd < bestDist) {
        bestDist = dd
        best = p
      }
    }
  }
  return best
}

/**
 * The crack on the cutting plane: the point of the plane at the fracture's depth under the head's
 * surface (the sphere of radius R − CRESCENT_DEPTH_MM, where the caps draw the line before the
 * collapse sinks it) inside the lesion, nearest the direction `toward` (unit, from the head
 * centre); null where the plane misses that part of the lesion. Searched every degree around the
 * circle the plane cuts from that sphere.
 */
function crackOnPlane(g: LesionGeometry, centre: Vec3, radius: number, section: SectionState, toward: Vec3): Vec3 | null {
  const { normal, constant } = clipPlaneOf(section, 'right')
  const rho = radius - CRESCENT_DEPTH_MM.value
  // The plane's foot of the head centre, and the radius of the circle it cuts.
  const dist = normal[0] * centre[0] + normal[1] * centre[1] + normal[2] * centre[2] + constant
  const circle = Math.sqrt(Math.max(0, rho * rho - dist * dist))
  if (circle === 0) return null
  const foot: Vec3 = [centre[0] - normal[0] * dist, centre[1] - normal[1] * dist, centre[2] - normal[2] * dist]
  // In-plane axes: u the in-plane part of `toward`, v across it.
  const k = toward[0] * normal[0] + toward[1] * normal[1] + toward[2] * normal[2]
  const u0: Vec3 = [toward[0] - k * normal[0], toward[1] - k * normal[1], toward[2] - k * normal[2]]
  const ul = Math.hypot(...u0)
  if (ul < 1e-6) return null
  const u: Vec3 = [u0[0] / ul, u0[1] / ul, u0[2] / ul]
  const v: Vec3 = [normal[1] * u[2] - normal[2] * u[1], normal[2] * u[0] - normal[0] * u[2], normal[0] * u[1] - normal[1] * u[0]]
  // From u outward both ways: the first point well inside the lesion (past the repair band along
  // its edge, where the line crosses dead bone), else the first inside it at all.
  for (const margin of [CRACK_TAG_INSET_MM, 0]) {
    for (let a = 0; a <= 180; a += 1) {
      for (const sign of a === 0 ? [1] : [1, -1]) {
        const c = Math.cos(a * DEG) * circle
        const s = sign * Math.sin(a * DEG) * circle
        const p: Vec3 = [foot[0] + u[0] * c + v[0] * s, foot[1] + u[1] * c + v[1] * s, foot[2] + u[2] * c + v[2] * s]
        const q: Vec3 = [p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]]
        if (isInLesion(q, g) && interfaceDistance(q, g) <= -margin) return p
      }
    }
  }
  return null
}

/**
 * Where the dead-bone tag may point on the head's surface, best first: over the lesion's middle,
 * its lateral part and its front — so that whichever side the hip is seen from, one of them faces
 * the viewer while the lesion can be seen at all (the scene takes the first one that does).
 */
export function deadBoneSurfacePoints(lm: HipLandmarks, g: LesionGeometry): Vec3[] {
  const c = lm.femoralHead.centre
  const r = lm.femoralHead.cartilageRadius - 1
  const out: Vec3[] = []
  for (const [t, a] of [[g.lateral, 0], [g.lateral, 0.5], [g.anterior, 0.6], [g.lateral, -0.4]] as const) {
    // Turned from the middle toward `t` by a share `a` of the way to the footprint's edge.
    let edge = 0
    for (let d = 0; d < 90; d += 1) {
      const p: Vec3 = [g.centre[0] * Math.cos(d * DEG) + t[0] * Math.sin(d * DEG), g.centre[1] * Math.cos(d * DEG) + t[1] * Math.sin(d * DEG), g.centre[2] * Math.cos(d * DEG) + t[2] * Math.sin(d * DEG)]
      if (!isInLesion([p[0] * (g.radius - 0.5), p[1] * (g.radius - 0.5), p[2] * (g.radius - 0.5)], g)) break
      edge = d
    }
    const ang = a * edge * DEG
    const d: Vec3 = [g.centre[0] * Math.cos(ang) + t[0] * Math.sin(ang), g.centre[1] * Math.cos(ang) + t[1] * Math.sin(ang), g.centre[2] * Math.cos(ang) + t[2] * Math.sin(ang)]
    out.push([c[0] + d[0] * r, c[1] + d[1] * r, c[2] + d[2] * r])
  }
  return out
}

/**
 * The largest of the roof's cysts that the cutting plane crosses well inside it (its centre
 * nearer the plane than half the cyst's reach along the plane's normal): the foot of its centre
 * on the plane; null where the plane misses them (the cut then shows none to name).
 */
function cystOnPlane(lm: HipLandmarks, section: SectionState): Vec3 | null {
  const { normal, constant } = clipPlaneOf(section, 'right')
  const a = lm.acetabulum.centre
  const size = (c: AcetabularCyst) => c.radiiMm[0] * c.radiiMm[1] * c.radiiMm[2]
  for (const cyst of [...ACETABULAR_CHANGES.cysts.value].sort((p, q) => size(q) - size(p))) {
    const o = acetabularCystOffset(cyst, lm.acetabulum.radius)
    const c: Vec3 = [a[0] + o[0], a[1] + o[1], a[2] + o[2]]
    const dist = normal[0] * c[0] + normal[1] * c[1] + normal[2] * c[2] + constant
    // The ellipsoid's (axis-aligned) half-extent along the normal.
    const reach = Math.hypot(cyst.radiiMm[0] * normal[0], cyst.radiiMm[1] * normal[1], cyst.radiiMm[2] * normal[2])
    if (Math.abs(dist) < 0.5 * reach) return [c[0] - normal[0] * dist, c[1] - normal[1] * dist, c[2] - normal[2] * dist]
  }
  return null
}

/** Where a tag points (model frame, right hip, the femur at rest), or null when there is nothing to point at. */
export function diseaseTagAnchor(id: DiseaseTagId, lm: HipLandmarks, g: LesionGeometry, view: Pick<TagView, 'section' | 'seeThrough'>): Vec3 | null {
  const c = lm.femoralHead.centre
  const R = lm.femoralHead.radius
  switch (id) {
    case 'deadBone': {
      if (view.section) return lesionOnPlane(g, c, view.section, g.semiAxesMm[2] * 0.35)
      // On the surface over the lesion's middle (seen through the cartilage and the window). The
      // scene lowers it with the collapse.
      const r = lm.femoralHead.cartilageRadius - 1
      return [c[0] + g.centre[0] * r, c[1] + g.centre[1] * r, c[2] + g.centre[2] * r]
    }
    case 'crack': {
      const s = crescentStart(g)
      // A little into the lesion from where the fracture starts, just under the plate.
      const inward: Vec3 = [s[0] * Math.cos(8 * DEG) + g.centre[0] * Math.sin(8 * DEG), s[1] * Math.cos(8 * DEG) + g.centre[1] * Math.sin(8 * DEG), s[2] * Math.cos(8 * DEG) + g.centre[2] * Math.sin(8 * DEG)]
      const l = Math.hypot(...inward)
      const dir: Vec3 = [inward[0] / l, inward[1] / l, inward[2] / l]
      // On the cut: on the line the caps draw (at the fracture's depth under the surface), not
      // deeper where the plane's foot of that point lies (it read as 1–2 mm off the line).
      if (view.section) return crackOnPlane(g, c, R, view.section, dir)
      const r = R - CRESCENT_DEPTH_MM.value
      return [c[0] + dir[0] * r, c[1] + dir[1] * r, c[2] + dir[2] * r]
    }
    case 'cyst':
      return view.section ? cystOnPlane(lm, view.section) : null
    case 'socket': {
      // The roof of the socket, a little in from its lateral edge.
      const e = lm.acetabulum.lateralEdge
      const a = lm.acetabulum.centre
      const r = lm.acetabulum.radius + 1
      const dir: Vec3 = [e[0] - a[0], e[1] - a[1], e[2] - a[2]]
      const up: Vec3 = [0, 1, 0]
      const t: Vec3 = [dir[0] * 0.7 + up[0] * 0.3 * Math.hypot(...dir), dir[1] * 0.7 + up[1] * 0.3 * Math.hypot(...dir), dir[2] * 0.7]
      const tl = Math.hypot(...t)
      return [a[0] + (t[0] / tl) * r, a[1] + (t[1] / tl) * r, a[2] + (t[2] / tl) * r]
    }
  }
}
