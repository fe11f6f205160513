/**
 * The resurfacing cap (clinical.md §6.6) and its cement: a polished cobalt-chrome shell whose
 * outside is the bearing sphere and whose inside is the reamed head (cylinder, 45° chamfer, flat
 * top), with the short peg up the neck; the cement is a layer on that inside. Both from the
 * planner's cap geometry (domain/treatment/replacement/capDesign.ts), so the cap covers exactly
 * the bone the reamers shaped.
 *
 * Frame: the bearing's centre at the origin, +Y along the cap's axis toward its dome (the
 * piece's `to` is the centre, `from` lies back down the neck).
 */
import { cementFillProfile, type CapGeometry } from '../../../domain/treatment/replacement/capDesign.ts'
import type { ObjectModel } from '../objectModel.ts'
import { arc, lathe, type ProfilePoint } from '../shapes/lathe.ts'
import { BEARING_AROUND } from './cupShapes.ts'

export function buildResurfacingCap(g: CapGeometry): ObjectModel {
  const ro = g.outerDiameter / 2
  const ri = g.innerDiameter / 2
  const p = g.peg.radius
  const rimOuter = Math.sqrt(ro * ro - g.rimY * g.rimY)
  // The bearing sphere from the rim up to the pole.
  const from = Math.atan2(g.rimY, rimOuter)
  const sphere: ProfilePoint[] = []
  const steps = 28
  for (let k = 0; k <= steps; k++) {
    const a = from + ((Math.PI / 2 - from) * k) / steps
    sphere.push({ r: k === steps ? 0 : ro * Math.cos(a), y: ro * Math.sin(a), smooth: k > 0 && k < steps })
  }
  const profile: ProfilePoint[] = [
    // The peg: a rounded tip, then straight up to the inner top.
    ...arc(0, g.peg.tipY, p, g.peg.tipY + p, 6, 'in'),
    { r: p, y: g.topY },
    { r: g.topRadius, y: g.topY },
    { r: ri, y: g.chamferY },
    { r: ri, y: g.rimY },
    ...sphere,
  ]
  return { parts: [{ name: 'cap', geometry: lathe(profile, BEARING_AROUND), material: 'cobaltChrome', working: true }] }
}

/** The cement layer: `g.cement` mm thick on the cap's inside, open round the peg. */
export function buildBoneCement(g: CapGeometry): ObjectModel {
  const ri = g.innerDiameter / 2
  const c = g.cement
  const p = g.peg.radius
  // The inner face, offset by c along each face's normal (the chamfer at 45° moves by c·√2 along r).
  const chamferInset = c * Math.tan(Math.PI / 8)
  const profile: ProfilePoint[] = [
    { r: p, y: g.topY - c },
    { r: g.topRadius - chamferInset, y: g.topY - c },
    { r: ri - c, y: g.chamferY - chamferInset },
    { r: ri - c, y: g.rimY },
    { r: ri, y: g.rimY },
    { r: ri, y: g.chamferY },
    { r: g.topRadius, y: g.topY },
    { r: p, y: g.topY },
    { r: p, y: g.topY - c },
  ]
  return { parts: [{ name: 'cement', geometry: lathe(profile, BEARING_AROUND), material: 'cement', working: true }] }
}

/**
 * The cement packed into the shaped head (the curetted hollow, the sunken dome under the flat
 * cut, the peg hole): the whole of the cap's inside, drawn behind any bone in the same place
 * (material 'cementFill'), so only the filled defects show.
 */
export function buildCementFill(g: CapGeometry): ObjectModel {
  return { parts: [{ name: 'cement', geometry: lathe(cementFillProfile(g), BEARING_AROUND), material: 'cementFill', working: true }] }
}
