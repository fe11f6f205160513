/**
 * Cannulated trephine: a thin-walled steel tube, 8–10 mm across (clinical.md §6.1 step 5, Mont
 * 2004; orthogate), with a crown of saw teeth at its end and an open bore that runs over the
 * guide wire and takes the bone core. Driven by a powered chuck.
 *
 * Wall, tooth pitch and tooth height are design choices (clinical.md gives the diameter only):
 * a 1 mm wall leaves a bore wide enough to see at 8 mm, and teeth about 2.5 mm apart and 1.6 mm
 * high read as teeth beside a 30 mm neck.
 */
import type { BufferGeometry } from 'three'
import type { ObjectModel } from '../objectModel.ts'
import { Surface, type P3 } from '../shapes/surface.ts'
import { handlePart, powerChuck, shaftPart, unitTube } from '../shapes/toolParts.ts'

export const TREPHINE = { wall: 1, toothPitch: 2.5, toothHeight: 1.6, crownLength: 10 } as const

/** Steps along each tooth's ramp. */
const RAMP_STEPS = 4

/**
 * The toothed end: the tube from y = −crownLength up to a crown whose teeth peak at y = 0.
 * Each tooth ramps up to its point and drops straight back, as a saw tooth does.
 */
function crown(outer: number, inner: number, teeth: number): BufferGeometry {
  const { toothHeight: h, crownLength: base } = TREPHINE
  const s = new Surface()
  const at = (r: number, angle: number, y: number): P3 => [r * Math.cos(angle), y, -r * Math.sin(angle)]
  const radial = (angle: number, sign: number): P3 => [sign * Math.cos(angle), 0, -sign * Math.sin(angle)]
  for (let t = 0; t < teeth; t++) {
    for (let k = 0; k < RAMP_STEPS; k++) {
      const a0 = ((t + k / RAMP_STEPS) / teeth) * Math.PI * 2
      const a1 = ((t + (k + 1) / RAMP_STEPS) / teeth) * Math.PI * 2
      const y0 = -h + (h * k) / RAMP_STEPS
      const y1 = -h + (h * (k + 1)) / RAMP_STEPS
      const o0 = radial(a0, 1)
      const o1 = radial(a1, 1)
      s.quad(at(outer, a0, -base), at(outer, a1, -base), at(outer, a1, y1), at(outer, a0, y0), o0, o1, o1, o0)
      const i0 = radial(a0, -1)
      const i1 = radial(a1, -1)
      s.quad(at(inner, a0, -base), at(inner, a1, -base), at(inner, a1, y1), at(inner, a0, y0), i0, i1, i1, i0)
      // The ramp's top edge, between the two walls.
      s.flatQuad(at(outer, a0, y0), at(outer, a1, y1), at(inner, a1, y1), at(inner, a0, y0), [0, 1, 0])
    }
    // The tooth's straight face, where the crown drops back to the next tooth's root.
    const a = ((t + 1) / teeth) * Math.PI * 2
    s.flatQuad(at(outer, a, 0), at(outer, a, -h), at(inner, a, -h), at(inner, a, 0), [-Math.sin(a), 0, -Math.cos(a)])
  }
  return s.toGeometry()
}

export function buildTrephine(diameter: number): ObjectModel {
  const outer = diameter / 2
  const inner = outer - TREPHINE.wall
  const teeth = Math.max(6, Math.round((Math.PI * diameter) / TREPHINE.toothPitch))
  const chuck = powerChuck(outer)
  return {
    parts: [
      { name: 'teeth', geometry: crown(outer, inner, teeth), material: 'steel', working: true },
      shaftPart('shaft', unitTube(outer, inner), TREPHINE.crownLength),
      handlePart('chuck', chuck.nose, 'darkSteel'),
      handlePart('driver', chuck.body, 'grip'),
    ],
  }
}
