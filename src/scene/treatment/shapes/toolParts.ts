/**
 * Parts several instruments share: round shafts and tubes (built one unit long and stretched to
 * the pose's length, which keeps a cylinder a cylinder), a powered chuck, a hand grip and a
 * T-handle. Proportions of the held parts are design choices: clinical.md sizes only the
 * working ends, and a grip or chuck only has to read as one next to a 30 mm femoral neck.
 */
import { Matrix4, type BufferGeometry, type Object3D } from 'three'
import { addLathe, arc, cylinderProfile, lathe, type ProfilePoint } from './lathe.ts'
import { Surface } from './surface.ts'
import type { ModelPart, PartPose } from '../objectModel.ts'

/** Steps around a shaft: smooth at a wire's 3 mm and at a chuck's 34 mm alike. */
export const AROUND = 32

/** A closed round rod from y = −1 to 0 (stretched along Y to the shaft's length). */
export function unitRod(radius: number): BufferGeometry {
  return lathe(cylinderProfile(radius, -1, 0), AROUND)
}

/** An open tube from y = −1 to 0: outer wall, inner wall (the bore) and both end rings. */
export function unitTube(outer: number, inner: number): BufferGeometry {
  return lathe(tubeProfile(outer, inner, -1, 0), AROUND)
}

/** A tube wall from y0 to y1 (up the outside, over the top ring, down the bore). */
export function tubeProfile(outer: number, inner: number, y0: number, y1: number): ProfilePoint[] {
  return [
    { r: inner, y: y0 },
    { r: outer, y: y0 },
    { r: outer, y: y1 },
    { r: inner, y: y1 },
    { r: inner, y: y0 },
  ]
}

/** The shaft from `start` mm behind the tip back to the handle at `length`. */
export function shaftPart(name: string, geometry: BufferGeometry, start: number, material: ModelPart['material'] = 'steel'): ModelPart {
  return {
    name,
    geometry,
    material,
    working: true,
    place: (mesh: Object3D, pose: PartPose) => {
      const length = Math.max(pose.length - start, 0.001)
      mesh.position.set(0, -start, 0)
      mesh.scale.set(1, length, 1)
    },
  }
}

/** A part that sits at the back end of the shaft (tip − axis·length). */
export function handlePart(name: string, geometry: BufferGeometry, material: ModelPart['material']): ModelPart {
  return {
    name,
    geometry,
    material,
    working: false,
    place: (mesh: Object3D, pose: PartPose) => mesh.position.set(0, -pose.length, 0),
  }
}

/** Length of a powered chuck (design choice: a wire driver's or drill's chuck, ≈ 34 mm across). */
export const CHUCK_LENGTH = 62

/**
 * A three-jaw powered chuck that grips the shaft: a tapered nose, a knurled sleeve and the body
 * of the driver behind it (cut short: the driver itself would fill the view). Nose at y = 0.
 */
export function powerChuck(shaftRadius: number): { nose: BufferGeometry; body: BufferGeometry } {
  const noseR = Math.max(shaftRadius + 2.5, 5)
  const nose = lathe(
    [
      { r: 0, y: -24 },
      { r: 15, y: -24 },
      { r: 15, y: -20 },
      { r: noseR + 1.5, y: -4 },
      { r: noseR, y: -2 },
      { r: noseR, y: 0 },
      { r: 0, y: 0 },
    ],
    AROUND,
  )
  // Knurled sleeve: shallow grooves read as a chuck (design choice: 6 rings).
  const body: ProfilePoint[] = [{ r: 0, y: -CHUCK_LENGTH }, { r: 17, y: -CHUCK_LENGTH }, { r: 17, y: -44 }, { r: 14, y: -42 }]
  for (let i = 0; i < 6; i++) {
    const y = -40 + i * 2.7
    body.push({ r: 16, y }, { r: 16, y: y + 1.6 }, { r: 15.2, y: y + 2.2 })
  }
  body.push({ r: 16, y: -24 }, { r: 0, y: -24 })
  return { nose, body: lathe(body, AROUND) }
}

/** Hand-grip proportions (design choice: a curette or tamp handle ≈ 14 mm across, 110 mm long). */
export const GRIP = { radius: 7, length: 110, ferrule: 12 } as const

/** A steel ferrule tapering from the shaft into a round polymer grip with a domed end. */
export function handGrip(shaftRadius: number): { ferrule: BufferGeometry; grip: BufferGeometry } {
  const f = GRIP.ferrule
  const ferrule = lathe(
    [
      { r: 0, y: -f },
      { r: GRIP.radius - 1, y: -f },
      { r: shaftRadius + 0.6, y: -1 },
      { r: shaftRadius + 0.6, y: 0 },
      { r: 0, y: 0 },
    ],
    AROUND,
  )
  const end = -f - GRIP.length
  const grip = lathe(
    [
      { r: 0, y: end },
      ...arc(0, end, GRIP.radius, end + 6, 6, 'in').slice(1),
      { r: GRIP.radius, y: -f - 2 },
      { r: GRIP.radius - 1, y: -f },
      { r: 0, y: -f },
    ],
    AROUND,
  )
  return { ferrule, grip }
}

/** T-handle proportions (design choice: a marrow needle's handle ≈ 70 mm across). */
export const T_HANDLE = { barLength: 70, barRadius: 7, hubLength: 18 } as const

/** A hub on the shaft and a crossbar across it (a Jamshidi-type needle's handle). */
export function tHandle(shaftRadius: number): { hub: BufferGeometry; bar: BufferGeometry } {
  const h = T_HANDLE.hubLength
  const hub = lathe(
    [
      { r: 0, y: -h },
      { r: 5, y: -h },
      { r: 5, y: -h + 6 },
      { r: shaftRadius + 0.7, y: -1 },
      { r: shaftRadius + 0.7, y: 0 },
      { r: 0, y: 0 },
    ],
    AROUND,
  )
  const half = T_HANDLE.barLength / 2
  const r = T_HANDLE.barRadius
  const surface = new Surface()
  addLathe(
    surface,
    [
      { r: 0, y: -half },
      ...arc(0, -half, r, -half + 5, 5, 'in').slice(1),
      { r, y: half - 5, smooth: true },
      ...arc(r, half - 5, 0, half, 5, 'out').slice(1),
    ],
    AROUND,
  )
  const bar = surface.toGeometry()
  // Lay the bar across the shaft, its middle on the shaft's end.
  bar.applyMatrix4(new Matrix4().makeRotationZ(Math.PI / 2).setPosition(0, -h - r + 1, 0))
  bar.computeBoundingBox()
  bar.computeBoundingSphere()
  return { hub, bar }
}
