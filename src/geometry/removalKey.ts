/**
 * A key naming a list of bone removals by their ids, targets and numbers: the same removals give
 * the same key however their objects were built, so a cut is computed once and found again when
 * a treatment steps back and forth.
 */
import type { BoneRemoval } from '../domain/treatment/frame.ts'
import { removalTarget } from '../domain/treatment/removalTarget.ts'

const n = (v: readonly number[]) => v.join(',')

function shape(r: BoneRemoval): string {
  switch (r.kind) {
    case 'cylinder':
      return `c|${r.id}|${n(r.from)}|${n(r.to)}|${r.radius}`
    case 'ellipsoid':
      return `e|${r.id}|${n(r.centre)}|${r.axes.map(n).join('|')}|${n(r.radii)}`
    case 'radial':
      return `r|${r.id}|${n(r.solid.centre)}|${r.solid.axes.map(n).join('|')}|${r.solid.rings}x${r.solid.segments}|${n(r.solid.reach)}|${r.grow}`
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
