/**
 * The cortical window of the "light-bulb" approach: a plate of cortex cut from the head–neck
 * junction, lifted out and later put back (clinical.md §6.2). Its outer face (at `from`) is
 * cortical bone, its inner face (at `to`) cancellous.
 *
 * It is curved as the bone it was cut from: around the neck (across its second side, local Z)
 * on the radius of the junction's surface, so that put back it lies flush with the neck instead
 * of standing proud at its edges as a flat slab would (a 15-mm-wide flat plate on a 15-mm radius
 * stands ≈ 2 mm off the bone at its sides). Along the neck (local X) its ends rise by `rise` (a
 * parabola): at the neck's waist the surface is hollow along its length, and a plate flat along it
 * sat 1–3 mm sunk at both ends, its hole's walls showing (a surgeon's review: "in shards").
 */
import type { ObjectModel } from '../objectModel.ts'
import { Surface, type P3 } from '../shapes/surface.ts'

/** Facets across the curve and along the rise: smooth at the sizes the window is seen at. */
const SEGMENTS = 12
const ALONG_SEGMENTS = 6

/**
 * `halfAlong`, `halfAcross`: half-sizes (mm) along local X and around the curve (local Z);
 * `thickness`: from the outer face (y = −thickness at the middle) to the inner face (y = 0);
 * `bendRadius`: the bone surface's radius around an axis parallel to X, on the inner side;
 * `rise`: how far its two ends along X stand out (toward −Y) beyond its middle.
 */
export function buildBoneWindow(halfAlong: number, halfAcross: number, thickness: number, bendRadius: number, rise = 0): ObjectModel {
  const outer = new Surface()
  const inner = new Surface()
  // The curve's centre lies `bendRadius` into the bone from the middle of the outer face.
  // No curve given: flat (a radius so large that the plate's sag is far below a micrometre).
  const radius = Number.isFinite(bendRadius) ? Math.max(bendRadius, halfAcross + thickness) : 1e6
  const cy = -thickness + radius
  const span = Math.min(halfAcross / radius, Math.PI / 2)
  const lift = (x: number) => rise * (x / halfAlong) ** 2
  const at = (r: number, x: number, a: number): P3 => [x, cy - r * Math.cos(a) - lift(x), r * Math.sin(a)]
  const xs = Array.from({ length: ALONG_SEGMENTS + 1 }, (_, j) => -halfAlong + (2 * halfAlong * j) / ALONG_SEGMENTS)
  const out = (a: number): P3 => [0, -Math.cos(a), Math.sin(a)]
  const inward = (a: number): P3 => [0, Math.cos(a), -Math.sin(a)]
  const rIn = radius - thickness
  for (let i = 0; i < SEGMENTS; i++) {
    const a0 = -span + (2 * span * i) / SEGMENTS
    const a1 = -span + (2 * span * (i + 1)) / SEGMENTS
    for (let j = 0; j < ALONG_SEGMENTS; j++) {
      const [x0, x1] = [xs[j]!, xs[j + 1]!]
      outer.quad(at(radius, x0, a0), at(radius, x1, a0), at(radius, x1, a1), at(radius, x0, a1), out(a0), out(a0), out(a1), out(a1))
      inner.quad(at(rIn, x0, a0), at(rIn, x1, a0), at(rIn, x1, a1), at(rIn, x0, a1), inward(a0), inward(a0), inward(a1), inward(a1))
    }
    // The two cut ends along the neck.
    for (const x of [-halfAlong, halfAlong]) outer.flatQuad(at(radius, x, a0), at(radius, x, a1), at(rIn, x, a1), at(rIn, x, a0), [x, 0, 0])
  }
  // The two cut sides around the neck.
  for (const a of [-span, span]) {
    for (let j = 0; j < ALONG_SEGMENTS; j++) {
      const [x0, x1] = [xs[j]!, xs[j + 1]!]
      outer.flatQuad(at(radius, x0, a), at(radius, x1, a), at(rIn, x1, a), at(rIn, x0, a), [0, 0, Math.sign(a)])
    }
  }
  const shown = (mesh: { visible: boolean }, pose: { fill: number }) => {
    mesh.visible = pose.fill > 0
  }
  return {
    parts: [
      { name: 'bone', geometry: outer.toGeometry(), material: 'cortex', working: true, place: shown },
      { name: 'bone-inner', geometry: inner.toGeometry(), material: 'cancellous', working: true, place: shown },
    ],
  }
}
