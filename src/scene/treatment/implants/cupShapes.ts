/**
 * Solids of revolution for the bearing parts: a cup (liner, monoblock cup) and a ball with a
 * tapered bore (the modular head), each closed. Frame: centre at the origin, +Y the cup's dome
 * or the head's taper axis, the cup's face at y = 0.
 */
import type { BufferGeometry } from 'three'
import { arc, lathe, type ProfilePoint } from '../shapes/lathe.ts'

/** Steps round a bearing: smooth at 50 mm across without a heavy mesh. */
export const BEARING_AROUND = 64
const ARC_STEPS = 16

/**
 * A hemispherical cup of outer and inner radius, its wall carried `lip` mm past the face as a
 * short cylinder (a liner standing proud of its shell).
 */
export function hemisphericalCup(outer: number, inner: number, lip = 0): BufferGeometry {
  const profile: ProfilePoint[] = [
    ...arc(0, inner, inner, 0, ARC_STEPS, 'in'),
    ...(lip > 0 ? [{ r: inner, y: -lip }] : []),
    { r: outer, y: -lip },
    ...(lip > 0 ? [{ r: outer, y: 0 }] : []),
    ...arc(outer, 0, 0, outer, ARC_STEPS, 'out').slice(1),
  ]
  return lathe(profile, BEARING_AROUND)
}

/**
 * A ball of `radius` with a conical bore up its −Y side: the bore's top at `boreTop`, its
 * radius there `topRadius`, widening by `slope` per mm down to where it meets the sphere.
 */
export function boredBall(radius: number, boreTop: number, topRadius: number, slope: number): BufferGeometry {
  // Where the cone r(y) = topRadius + (boreTop − y)·slope meets the sphere below the bore's top:
  // inside the ball at the top, outside at the bottom pole; halve the interval between them.
  const outside = (y: number) => (topRadius + (boreTop - y) * slope) ** 2 + y * y - radius * radius
  let low = -radius
  let high = boreTop
  for (let k = 0; k < 60; k++) {
    const mid = (low + high) / 2
    if (outside(mid) > 0) low = mid
    else high = mid
  }
  const y = (low + high) / 2
  const mouthR = topRadius + (boreTop - y) * slope
  const start = Math.atan2(mouthR, -y) // angle from the bottom pole
  const sphere: ProfilePoint[] = []
  const steps = 40
  for (let k = 0; k <= steps; k++) {
    const psi = start + ((Math.PI - start) * k) / steps
    sphere.push({ r: k === steps ? 0 : radius * Math.sin(psi), y: -radius * Math.cos(psi), smooth: k > 0 && k < steps })
  }
  return lathe([{ r: 0, y: boreTop }, { r: topRadius, y: boreTop }, ...sphere], BEARING_AROUND)
}
