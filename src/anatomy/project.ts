/**
 * Projection of points onto an offset surface of a distance field: vessels lie on the
 * bone (under the synovium) instead of floating or cutting through it. Our fields are
 * only approximately Euclidean, so we iterate with a finite-difference gradient.
 */
import { unitGradient, type Sdf } from './sdf.ts'
import { madd, type V3 } from './vec.ts'

/** Moves p onto {f = offset}. */
export function projectTo(f: Sdf, p: V3, offset: number, iterations = 8): V3 {
  let q = p
  for (let i = 0; i < iterations; i++) {
    const d = f(q[0], q[1], q[2])
    if (Math.abs(d - offset) < 0.02) break
    q = madd(q, unitGradient(f, q, 0.2), offset - d)
  }
  return q
}

/** Pushes p out to at least `offset` from the surface (never pulls it in). */
export function pushOut(f: Sdf, p: V3, offset: number, iterations = 6): V3 {
  let q = p
  for (let i = 0; i < iterations; i++) {
    const d = f(q[0], q[1], q[2])
    if (d >= offset - 0.02) break
    q = madd(q, unitGradient(f, q, 0.2), offset - d)
  }
  return q
}
