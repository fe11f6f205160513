/**
 * A key naming a list of bone removals by their ids, targets and numbers: the same removals give
 * the same key however their objects were built, so a cut is computed once and found again when
 * a treatment steps back and forth.
 */
import type { BoneRemoval } from '../domain/treatment/frame.ts'
import { removalTarget } from '../domain/treatment/removalTarget.ts'

const n = (v: readonly number[]) => v.join(',')

/**
 * A radial solid's part of its key, written once per solid object: its 1 100-odd reaches joined
 * for every frame a treatment drew were 4 MB of strings in one core decompression (a heap
 * profile), garbage that brought the page's collections on sooner.
 */
const solidKeys = new WeakMap<object, string>()

function solidKey(solid: Extract<BoneRemoval, { kind: 'radial' }>['solid']): string {
  let key = solidKeys.get(solid)
  if (key === undefined) {
    key = `${n(solid.centre)}|${solid.axes.map(n).join('|')}|${solid.rings}x${solid.segments}|${n(solid.reach)}`
    solidKeys.set(solid, key)
  }
  return key
}

function shape(r: BoneRemoval): string {
  switch (r.kind) {
    case 'cylinder':
      return `c|${r.id}|${n(r.from)}|${n(r.to)}|${r.radius}`
    case 'ellipsoid':
      return `e|${r.id}|${n(r.centre)}|${r.axes.map(n).join('|')}|${n(r.radii)}`
    case 'radial':
      return `r|${r.id}|${solidKey(r.solid)}|${r.grow}`
    case 'box':
      return `b|${r.id}|${n(r.centre)}|${r.axes.map(n).join('|')}|${n(r.halfSizes)}`
    case 'planes':
      return `p|${r.id}|${r.planes.map((h) => `${n(h.point)}/${n(h.normal)}`).join('|')}|${n(r.bound.centre)}|${r.bound.radius}`
    case 'stem':
      return `s|${r.id}|${r.spec.size},${r.spec.neckAngleDeg},${r.spec.collared}|${n(r.tip)}|${n(r.up)}|${n(r.medial)}`
    case 'turned':
      return `t|${r.id}|${n(r.base)}|${n(r.axis)}|${r.outerRadius}|${r.profile.map((p) => `${p.at}/${p.radius}`).join('|')}`
  }
}

export function removalsKey(removals: readonly BoneRemoval[]): string {
  return removals.map((r) => `${removalTarget(r)}:${shape(r)}`).join(';')
}
