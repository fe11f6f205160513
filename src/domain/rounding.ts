/**
 * The one rounding rule of the link: values are rounded when they are read and when they are
 * written, with the same function, so reading a written link gives back the same values.
 */

/** Rounds to a fixed number of decimals, without "-0". Idempotent: round(round(x, d), d) === round(x, d). */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals
  const r = Math.round(value * f) / f
  return Object.is(r, -0) ? 0 : r
}
