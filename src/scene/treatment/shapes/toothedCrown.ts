/**
 * A ring of saw teeth at the end of a tube (the trephine's crown, the sleeve reamer's rim): the
 * tube from y = −crownLength up to teeth whose points lie at y = 0. Each tooth ramps up to its
 * point and drops straight back, as a saw tooth does. Open at y = −crownLength, where the tube
 * it crowns goes on.
 */
import type { BufferGeometry } from 'three'
import { Surface, type P3 } from './surface.ts'

/** Steps along each tooth's ramp. */
const RAMP_STEPS = 4

export function toothedCrown(outer: number, inner: number, teeth: number, toothHeight: number, crownLength: number): BufferGeometry {
  const h = toothHeight
  const base = crownLength
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
