/**
 * The model's one cutting plane, and the rule that every structure of the model is clipped by
 * it at all times — also while no cut is shown, when the plane is parked where it cuts nothing.
 *
 * Why always: three compiles a program per number of clipping planes. When the planes were
 * given to the materials only while a cut was shown, every cut recompiled every program of the
 * model (10 in the disease view, 0.3–2 s each in software WebGL, as on a thin client without a
 * GPU), and removing it again went back to the uncut programs, which the program budget
 * (../ProgramBudget.tsx) had released meanwhile: about 30 compiles per cut and back. With the
 * plane always there, a cut only moves it (a uniform).
 *
 * A treatment's pieces that lie in the bone (graft, the fibula, a core in its tunnel) are cut by
 * the same plane; its tools, implants and what is set aside are not (domain/treatment/pieceSection.ts).
 */
import { Plane, Vector3, type Material, type Object3D } from 'three'
import type { ClipPlane } from '../../domain/section.ts'

/**
 * Where the plane waits while no cut is shown: every point of the model (within a few hundred
 * millimetres of its origin) lies on the kept side, 10⁶ mm away from it.
 */
const PARKED_CONSTANT = 1e6

const planes = new WeakMap<Object3D, Plane>()

/** The cutting plane of the model whose root is `root` (made on first use, parked). */
export function sectionPlaneOf(root: Object3D): Plane {
  let plane = planes.get(root)
  if (!plane) {
    plane = new Plane(new Vector3(0, 0, 1), PARKED_CONSTANT)
    planes.set(root, plane)
  }
  return plane
}

/** Makes `material`, drawn by a structure of the model under `root`, clipped by its plane. */
export function clipBySection(material: Material, root: Object3D): void {
  material.clippingPlanes = [sectionPlaneOf(root)]
}

/** Puts the plane where the cut is (the kept half on its positive side), or parks it. */
export function placeSectionPlane(plane: Plane, cut: ClipPlane | null): void {
  if (cut) plane.set(new Vector3(...cut.normal), cut.constant)
  else plane.set(new Vector3(0, 0, 1), PARKED_CONSTANT)
}

/** Whether the plane cuts anything (false while parked). */
export function sectionPlaneCuts(plane: Plane): boolean {
  return plane.constant !== PARKED_CONSTANT
}
