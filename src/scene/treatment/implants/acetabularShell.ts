/**
 * Press-fit acetabular shell (clinical.md §6.5): a titanium hemisphere with a porous-coated
 * outside (matte, grainy normals over an exact sphere, so the planned size holds), a cluster of
 * screw holes toward the posterosuperior quadrant (where a screw is safe; local +X is laid on the
 * plan's `screwSide`) and a threaded apical hole for the impactor or a dome screw.
 *
 * Frame: centre of the hemisphere at the origin, dome toward +Y (the piece's `to` is the
 * centre, `from` lies out of the opening). Hole size (6.5 mm screws) and placement are design
 * choices; clinical.md gives only "optionally fixed with screws".
 */
import type { ObjectModel } from '../objectModel.ts'
import { domeDirection, perforatedDomeSlices, type DomeHole } from '../shapes/perforatedDome.ts'
import { finish, type Slices } from '../slices.ts'

export const SHELL = { screwHoleDiameter: 6.5, apicalHoleDiameter: 6, holePolarDeg: 42, holeSpreadDeg: 34 } as const

const RAD = Math.PI / 180

/** The screw holes: up to three, spread about local +X at the same polar angle. */
export function shellHoles(outerRadius: number, count: number): DomeHole[] {
  const angle = SHELL.screwHoleDiameter / 2 / outerRadius
  const spread = [0, -SHELL.holeSpreadDeg, SHELL.holeSpreadDeg].slice(0, Math.min(Math.max(count, 0), 3))
  return spread.map((phi) => ({ direction: domeDirection(SHELL.holePolarDeg * RAD, phi * RAD), angle }))
}

export function buildAcetabularShell(outerDiameter: number, innerDiameter: number, screwHoles: number): ObjectModel {
  return finish(acetabularShellSlices(outerDiameter, innerDiameter, screwHoles))
}

/**
 * The shell in slices (../slices.ts), for a build made ahead while a hip replacement plays: its
 * perforated dome is the work (59 ms in one quiet moment at its first build in a page, with
 * software WebGL, measured).
 */
export function* acetabularShellSlices(outerDiameter: number, innerDiameter: number, screwHoles: number): Slices<ObjectModel> {
  const outer = outerDiameter / 2
  const geometry = yield* perforatedDomeSlices({
    outer,
    inner: innerDiameter / 2,
    holes: shellHoles(outer, screwHoles),
    apicalHole: SHELL.apicalHoleDiameter / 2 / outer,
    rows: 36,
    columns: 120,
    roughNormals: 0.45,
  })
  return { parts: [{ name: 'shell', geometry, material: 'porousTitanium', working: true }] }
}
