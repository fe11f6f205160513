/**
 * Numbers written into GLSL source (a constant used by both JS and a shader is written once, in
 * JS, and injected): GLSL ES needs a float literal to carry a point or an exponent ("3" is an
 * int and does not mix with floats).
 */
export function glslFloat(v: number): string {
  const s = String(v)
  return s.includes('.') || s.includes('e') ? s : `${s}.0`
}

/** A `vec3(…)` literal. */
export function glslVec3(v: readonly number[]): string {
  return `vec3(${v.map(glslFloat).join(', ')})`
}
