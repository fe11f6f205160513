/**
 * Monotone piecewise-cubic Hermite interpolation (Fritsch–Carlson, with the
 * Fritsch–Butland weighted harmonic mean for the inner tangents, as in PCHIP).
 *
 * Why this and not a plain cubic spline or smoothstep between points:
 * - it never overshoots: between two points the value stays between them, so collapse
 *   stays exactly 0 until the fracture, cartilage never exceeds 1 × normal, and every
 *   parameter stays inside the bounds its table points respect;
 * - it keeps the direction of the data on every interval: where the table only rises
 *   (collapse, crescent, demarcation) or only falls (cartilage), so does the curve;
 * - it is C¹ (no kinks in speed) and, unlike smoothstep, it does not stop at every
 *   stage point: while collapse keeps growing (2 → 4 → 5 → 6 mm) the animation keeps
 *   moving through 3.0 and 3.5 instead of pausing at each one while scrubbing.
 * Flat runs stay exactly flat (both tangents are 0), and a local peak such as the
 * pericollapse oedema at s = 2.5 gets a zero tangent, so it is reached, not exceeded.
 */

export type Interpolant = (x: number) => number

/**
 * Builds the interpolant through (xs[i], ys[i]). xs must be strictly increasing and at
 * least two long; outside [xs[0], xs[n-1]] the end value is held.
 */
/**
 * The tangents at each point: one-sided at the ends, the Fritsch–Butland weighted
 * harmonic mean inside, 0 at a local extremum or next to a flat interval. Each tangent
 * is between 0 and 3× the neighbouring secant slopes (same sign), the Fritsch–Carlson
 * condition for a monotone Hermite piece. Exported for tests.
 */
export function monotoneTangents(xs: readonly number[], ys: readonly number[]): Float64Array {
  const n = xs.length
  if (n < 2 || ys.length !== n) throw new RangeError('monotoneCubic: need ≥ 2 points and as many ys as xs')
  const h = new Float64Array(n - 1)
  const delta = new Float64Array(n - 1)
  for (let k = 0; k < n - 1; k++) {
    h[k] = xs[k + 1]! - xs[k]!
    if (!(h[k]! > 0)) throw new RangeError('monotoneCubic: xs must be strictly increasing')
    delta[k] = (ys[k + 1]! - ys[k]!) / h[k]!
  }
  const m = new Float64Array(n)
  // One-sided tangents at the ends: with α = β = 1 they already meet the condition.
  m[0] = delta[0]!
  m[n - 1] = delta[n - 2]!
  for (let k = 1; k < n - 1; k++) {
    const d0 = delta[k - 1]!
    const d1 = delta[k]!
    if (d0 * d1 <= 0) {
      m[k] = 0 // local extremum or flat neighbour: no overshoot
    } else {
      // Weighted harmonic mean; it is ≤ 3·min(d0, d1), so monotone by construction.
      const w0 = 2 * h[k]! + h[k - 1]!
      const w1 = h[k]! + 2 * h[k - 1]!
      m[k] = (w0 + w1) / (w0 / d0 + w1 / d1)
    }
  }
  return m
}

/**
 * Builds the interpolant through (xs[i], ys[i]). xs must be strictly increasing and at
 * least two long; outside [xs[0], xs[n-1]] the end value is held.
 */
export function monotoneCubic(xs: readonly number[], ys: readonly number[]): Interpolant {
  const m = monotoneTangents(xs, ys)
  const n = xs.length
  const x = Float64Array.from(xs)
  const y = Float64Array.from(ys)
  const h = new Float64Array(n - 1)
  for (let k = 0; k < n - 1; k++) h[k] = x[k + 1]! - x[k]!

  return (xq: number): number => {
    if (!(xq > x[0]!)) return y[0]! // also catches NaN
    if (xq >= x[n - 1]!) return y[n - 1]!
    let k = 0
    while (xq > x[k + 1]!) k++
    const hk = h[k]!
    const t = (xq - x[k]!) / hk
    const t2 = t * t
    const t3 = t2 * t
    const h10 = t3 - 2 * t2 + t
    const h01 = -2 * t3 + 3 * t2
    const h11 = t3 - t2
    const y0 = y[k]!
    const y1 = y[k + 1]!
    // Written as y0 + Δy·h01 (h00 = 1 − h01) so a flat interval returns y0 exactly.
    const v = y0 + (y1 - y0) * h01 + hk * (h10 * m[k]! + h11 * m[k + 1]!)
    // The exact value provably lies between y0 and y1; this only removes rounding.
    return Math.min(Math.max(v, Math.min(y0, y1)), Math.max(y0, y1))
  }
}
