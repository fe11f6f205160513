/**
 * The cortical window of the "light-bulb" approach: a plate of cortex cut from the head–neck
 * junction, lifted out and later put back (clinical.md §6.2). Its outer face (at `from`) is
 * cortical bone, its inner face (at `to`) cancellous.
 *
 * It is curved as the bone it was cut from: around the neck (across its second side, local Z)
 * on the radius of the junction's surface, so that put back it lies flush with the neck instead
 * of standing proud at its edges as a flat slab would (a 15-mm-wide flat plate on a 15-mm radius
 * stands ≈ 2 mm off the bone at its sides). Along the neck (local X) the junction's profile is
 * nearly straight and the plate is kept flat.
 */
import type { ObjectModel } from '../objectModel.ts'
import { Surface, type P3 } from '../shapes/surface.ts'

/** Facets across the curve: smooth at the sizes the window is seen at. */
const SEGMENTS = 12

/**
 * `halfAlong`, `halfAcross`: half-sizes (mm) along local X and around the curve (local Z);
 * `thickness`: from the outer face (y = −thickness at the middle) to the inner face (y = 0);
 * `bendRadius`: the bone surface's radius around an axis parallel to X, on the inner side.
 */
export function buildBoneWindow(halfAlong: number, halfAcross: number, thickness: number, bendRadius: number): ObjectModel {
  const outer = new Surface()
  const inner = new Surface()
  // The curve's centre lies `bendRadius` into the bone from the middle of the outer face.
  // No curve given: flat (a radius so large that the plate's sag is far below a micrometre).
  const radius = Number.isFinite(bendRadius) ? Math.max(bendRadius, halfAcross + thickness) : 1e6
  const cy = -thickness + radius
  const span = Math.min(halfAcross / radius, Math.PI / 2)
  const at = (r: number, x: number, a: number): P3 => [x, cy - r * Math.cos(a), r * Math.sin(a)]
  const out = (a: number): P3 => [0, -Math.cos(a), Math.sin(a)]
  const inward = (a: number): P3 => [0, Math.cos(a), -Math.sin(a)]
  const rIn = radius - thickness
  for (let i = 0; i < SEGMENTS; i++) {
    const a0 = -span + (2 * span * i) / SEGMENTS
    const a1 = -span + (2 * span * (i + 1)) / SEGMENTS
    outer.quad(at(radius, -halfAlong, a0), at(radius, halfAlong, a0), at(radius, halfAlong, a1), at(radius, -halfAlong, a1), out(a0), out(a0), out(a1), out(a1))
    inner.quad(at(rIn, -halfAlong, a0), at(rIn, halfAlong, a0), at(rIn, halfAlong, a1), at(rIn, -halfAlong, a1), inward(a0), inward(a0), inward(a1), inward(a1))
    // The two cut ends along the neck.
    for (const x of [-halfAlong, halfAlong]) outer.flatQuad(at(radius, x, a0), at(radius, x, a1), at(rIn, x, a1), at(rIn, x, a0), [x, 0, 0])
  }
  // The two cut sides around the neck.
  for (const a of [-span, span]) {
    outer.flatQuad(at(radius, -halfAlong, a), at(radius, halfAlong, a), at(rIn, halfAlong, a), at(rIn, -halfAlong, a), [0, 0, Math.sign(a)])
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
