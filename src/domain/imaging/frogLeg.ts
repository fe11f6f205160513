/**
 * The frog-leg lateral radiograph (issue 13's second picture): the patient lies on the back with
 * the hip flexed and the thigh abducted and turned out (knee bent, sole against the other leg),
 * and the beam goes front to back as for the AP film; the femoral neck and head are then seen
 * from the side, so the front of the head, where the lesion lies, is no longer hidden behind
 * its dome.
 *
 * The pose is a rigid turn of the femur about the head's centre in the model frame of a right
 * hip (+X the patient's left, +Y superior, +Z anterior): first flexion (the knee comes forward,
 * about the X axis), then the knee falls outward, a swing of the flexed thigh about the body's
 * long axis (Y) toward the patient's side. Not a turn about Z: Z is the beam, so a turn about it
 * only spins the picture (a hip surgeon's review: the first version did that, and its "lateral"
 * was a 36° oblique of the neck, about a Dunn view). The angles are a design choice [Inf]: a
 * typical positioning, not from the clinical reference, chosen so that the neck is seen turned
 * ≥ 70° about its own axis from the AP (unit test). Only the image renderer uses it: the 3D
 * view's femur never moves for a picture.
 */

/** Hip flexion of the frog-leg position, degrees [Inf]. */
export const FROG_LEG_FLEXION_DEG = 45
/** How far the flexed thigh swings outward about the body's long axis (the knee falling out), degrees [Inf]. */
export const FROG_LEG_ABDUCTION_DEG = 60

/** A rotation as a 3×3 matrix, rows first. */
export type Rotation3 = readonly [number, number, number, number, number, number, number, number, number]

function multiply(a: Rotation3, b: Rotation3): Rotation3 {
  const m = (r: number, c: number) => a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!
  return [m(0, 0), m(0, 1), m(0, 2), m(1, 0), m(1, 1), m(1, 2), m(2, 0), m(2, 1), m(2, 2)]
}

/**
 * The femur's turn into the frog-leg position (rest → posed, about the head centre), right hip.
 * Flexion brings the shaft (pointing down, −Y) toward the front (+Z); the swing about the long
 * axis then takes that forward-pointing knee toward the patient's right (−X), the lateral side of
 * a right hip.
 */
export function frogLegRotation(flexionDeg = FROG_LEG_FLEXION_DEG, abductionDeg = FROG_LEG_ABDUCTION_DEG): Rotation3 {
  const f = (-flexionDeg * Math.PI) / 180
  const a = (-abductionDeg * Math.PI) / 180
  const flex: Rotation3 = [1, 0, 0, 0, Math.cos(f), -Math.sin(f), 0, Math.sin(f), Math.cos(f)]
  // About Y: +Z (the knee, after flexion) toward −X for a negative angle.
  const swing: Rotation3 = [Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)]
  return multiply(swing, flex)
}

/** A direction turned by a rotation. */
export function rotate(r: Rotation3, v: readonly [number, number, number]): [number, number, number] {
  return [r[0] * v[0] + r[1] * v[1] + r[2] * v[2], r[3] * v[0] + r[4] * v[1] + r[5] * v[2], r[6] * v[0] + r[7] * v[1] + r[8] * v[2]]
}

/**
 * Whether the femur's front lies toward the top of a picture taken in the frog-leg position (the
 * beam front to back, +Y up): the direction the neck's anterior cortex faces once turned. The
 * lateral pictures mark it (ANT / POST) because the AP's "superior" no longer says where the
 * front of the head is, which is where the lesion and the wire's tip are judged.
 */
export function frogLegAnteriorUp(r: Rotation3 = frogLegRotation()): boolean {
  return rotate(r, [0, 0, 1])[1] > 0
}
