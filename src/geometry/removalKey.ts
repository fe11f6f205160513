/**
 * A key naming a list of bone removals by their ids and numbers: the same removals give the same
 * key however their objects were built, so a cut is computed once and found again when a
 * treatment steps back and forth.
 */
import type { BoneRemoval } from '../domain/treatment/frame.ts'

const n = (v: readonly number[]) => v.join(',')

function one(r: BoneRemoval): string {
  switch (r.kind) {
    case 'cylinder':
      return `c|${r.id}|${n(r.from)}|${n(r.to)}|${r.radius}`
    case 'ellipsoid':
      return `e|${r.id}|${n(r.centre)}|${r.axes.map(n).join('|')}|${n(r.radii)}`
    case 'box':
      return `b|${r.id}|${n(r.centre)}|${r.axes.map(n).join('|')}|${n(r.halfSizes)}`
  }
}

export function removalsKey(removals: readonly BoneRemoval[]): string {
  return removals.map(one).join(';')
}
