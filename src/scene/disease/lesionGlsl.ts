/**
 * The lesion's shape in GLSL: the same formulas as `interfaceDistance` in
 * domain/lesion/geometry.ts, with the serpiginous waves' numbers injected from there (written
 * once), so what the shaders draw is what the domain, the treatments and the tests measure.
 *
 * Uniforms (model frame of a right hip, mm; set by ./uniforms.ts from the LesionGeometry):
 * uLesionCentre (bowl centre = head centre + R·u), uLesionAxis (u), uLesionLateral,
 * uLesionAnterior (the frame's tangents), uLesionAxes (half-axes, mm).
 */
import { INTERFACE_WAVES } from '../../domain/lesion/geometry.ts'
import { glslFloat } from '../three/glslLiteral.ts'

/** `float dzWave(vec3 q)`: the waves at a point of the lesion frame (x lateral, y anterior, z along u). */
function waveFunction(): string {
  if (INTERFACE_WAVES.length === 0) throw new Error('lesionGlsl: INTERFACE_WAVES is empty')
  const terms = INTERFACE_WAVES.map(
    ({ k, phase, amplitude }) => `${glslFloat(amplitude)} * sin(dot(q, vec3(${glslFloat(k[0])}, ${glslFloat(k[1])}, ${glslFloat(k[2])})) + ${glslFloat(phase)})`,
  )
  return `float dzWave(vec3 q) {\n  return ${terms.join('\n    + ')};\n}`
}

export const LESION_GLSL = /* glsl */ `
uniform vec3 uLesionCentre;
uniform vec3 uLesionAxis;
uniform vec3 uLesionLateral;
uniform vec3 uLesionAnterior;
uniform vec3 uLesionAxes;
${waveFunction()}
// A model-frame point in the lesion's own frame (mm): x lateral, y anterior, z along the axis.
vec3 dzLesionLocal(vec3 p) {
  vec3 q = p - uLesionCentre;
  return vec3(dot(q, uLesionLateral), dot(q, uLesionAnterior), dot(q, uLesionAxis));
}
// Signed distance (mm) to the reactive interface, negative inside the bowl: an ellipsoid
// distance estimate plus the waves. Not clipped to the head (see domain interfaceDistance).
float dzInterface(vec3 p) {
  vec3 q = dzLesionLocal(p);
  vec3 a = uLesionAxes;
  float k0 = length(q / a);
  float k1 = max(length(q / (a * a)), 1e-6);
  return k0 * (k0 - 1.0) / k1 + dzWave(q);
}
`
