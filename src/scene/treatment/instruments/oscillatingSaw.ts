/**
 * Oscillating saw blade: a flat steel blade with a row of teeth across its end, on the hub of a
 * powered handpiece (the femoral-neck cut of the joint replacements, clinical.md §6.5 step 2).
 * The pose's diameter is the blade's width; its length is the blade's reach from the hub.
 *
 * Thickness, tooth pitch and height, and the handpiece are design choices (clinical.md gives no
 * saw sizes): a 1.2 mm blade with teeth 2 mm apart and 1.5 mm high.
 */
import { BoxGeometry, Matrix4, type BufferGeometry } from 'three'
import type { ObjectModel } from '../objectModel.ts'
import { cylinderProfile, lathe } from '../shapes/lathe.ts'
import { AROUND, handlePart, shaftPart } from '../shapes/toolParts.ts'
import { Surface, type P3 } from '../shapes/surface.ts'

export const SAW = { thickness: 1.2, toothPitch: 2, toothHeight: 1.5, headLength: 8, hubRadius: 9, handpieceRadius: 17, handpieceLength: 80 } as const

export function buildOscillatingSaw(width: number): ObjectModel {
  const { thickness, toothPitch, toothHeight, headLength, hubRadius, handpieceRadius, handpieceLength } = SAW
  const half = width / 2
  const teeth = Math.max(2, Math.round(width / toothPitch))
  const pitch = width / teeth
  // The head: the blade's last few millimetres with its teeth, drawn in the blade's plane (x–y),
  // written facet by facet (three's ExtrudeGeometry would pull its shape and curve classes into
  // the shared three.js chunk of the first download).
  const head = toothedHead(half, teeth, pitch, toothHeight, headLength, thickness)
  const blade = new BoxGeometry(width, 1, thickness)
  blade.applyMatrix4(new Matrix4().makeTranslation(0, -0.5, 0))
  const hub = lathe(cylinderProfile(hubRadius, -8, 0), AROUND)
  hub.applyMatrix4(new Matrix4().makeRotationX(Math.PI / 2))
  const handpiece = lathe(cylinderProfile(handpieceRadius, -handpieceLength, 0), AROUND)
  handpiece.applyMatrix4(new Matrix4().makeTranslation(0, -hubRadius, 0))
  return {
    parts: [
      { name: 'teeth', geometry: head, material: 'steel', working: true },
      shaftPart('blade', blade, headLength),
      handlePart('hub', hub, 'darkSteel'),
      handlePart('handpiece', handpiece, 'grip'),
    ],
  }
}

/**
 * A flat plate from y = −headLength to the tooth roots at y = −toothHeight, with `teeth` triangular
 * teeth whose tips reach y = 0, `thickness` thick about z = 0: every face flat.
 */
function toothedHead(half: number, teeth: number, pitch: number, toothHeight: number, headLength: number, thickness: number): BufferGeometry {
  const s = new Surface()
  const z = thickness / 2
  const front: P3 = [0, 0, 1]
  const back: P3 = [0, 0, -1]
  // Outline, counter-clockwise seen from +z: the plate's bottom edge, then the teeth right to left.
  const outline: [number, number][] = [[-half, -headLength], [half, -headLength]]
  for (let i = teeth; i > 0; i--) {
    const x = -half + i * pitch
    outline.push([x, -toothHeight], [x - pitch / 2, 0])
  }
  outline.push([-half, -toothHeight])
  // Faces: the plate below the tooth roots, and one triangle per tooth, on both sides.
  const plate: [number, number][] = [[-half, -headLength], [half, -headLength], [half, -toothHeight], [-half, -toothHeight]]
  for (const [n, zz] of [[front, z], [back, -z]] as const) {
    const at = ([x, y]: [number, number]): P3 => [x, y, zz]
    s.flatQuad(at(plate[0]!), at(plate[1]!), at(plate[2]!), at(plate[3]!), n)
    for (let i = teeth; i > 0; i--) {
      const x = -half + i * pitch
      s.triangle(at([x, -toothHeight]), at([x - pitch / 2, 0]), at([x - pitch, -toothHeight]), n, n, n)
    }
  }
  // The edge all round.
  for (let i = 0; i < outline.length; i++) {
    const [ax, ay] = outline[i]!
    const [bx, by] = outline[(i + 1) % outline.length]!
    const out: P3 = [by - ay, -(bx - ax), 0]
    s.flatQuad([ax, ay, z], [bx, by, z], [bx, by, -z], [ax, ay, -z], out)
  }
  return s.toGeometry()
}
