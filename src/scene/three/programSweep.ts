/**
 * Keeps the number of shader programs bounded. three keeps, per material, every program it
 * ever compiled for it (one per combination of its settings: faded or not, cut or not, with the
 * disease code or not, …), so switching back is a lookup; a program is freed only when every
 * material holding it is disposed. Over a long session of random use that grew 14 → 38 programs
 * (peak 44), each one GPU memory and driver state.
 *
 * When the count is over PROGRAM_BUDGET, the materials that hold programs they no longer draw
 * with are disposed: three then releases all their programs (freeing those no other material
 * holds) and sets each material up again on its next use, with only the program its current
 * settings need. That is done through three's public dispose(); this module only *reads*
 * three's per-material bookkeeping (renderer.properties: currentProgram, programs) to choose.
 */
import type { Material, Mesh, Object3D, WebGLRenderer } from 'three'

/**
 * Programs a session may hold before unused ones are released. Counted (progcount, stage 3 then
 * a hip replacement's removed head): the healthy hip 3; the looks readied once the hip is drawn
 * (./programWarmUp.ts: the treatments' tools and implants, the cut's caps and stencil passes) 7;
 * the disease 15 (its structures 9, its artery, its painted caps 5); the see-through looks that
 * treatment steps draw, readied with the disease, 5; a hip replacement's removed head 3: 33 in
 * all (30 at rest after loading, 33 once the removed head's are readied too). Since that count the
 * disease has one more: the head bone's stencil passes, which collapse with it (not recounted). The simulated images
 * (the Images panel, a treatment's live X-ray) add their renderer's 11. Over the budget the sweep
 * releases programs that are readied on purpose and links them again when next drawn (17 links at
 * the removed-head step with a budget of 32; 13 when core decompression opened with the Images
 * panel open and a budget of 40); so the budget leaves room for the user's own choices (a
 * structure seen through, a cut) on top of all that.
 */
export const PROGRAM_BUDGET = 56

interface ProgramBookkeeping {
  currentProgram?: unknown
  programs?: Map<string, unknown>
}

function materialsOf(root: Object3D): Set<Material> {
  const out = new Set<Material>()
  root.traverse((object) => {
    const material = (object as Mesh).material
    if (!material) return
    for (const m of Array.isArray(material) ? material : [material]) out.add(m)
  })
  return out
}

/** Programs over budget? */
export function programsOverBudget(gl: WebGLRenderer): boolean {
  return (gl.info.programs?.length ?? 0) > PROGRAM_BUDGET
}

/**
 * Disposes the materials of `root` that hold a program other than the one they draw with now.
 * Returns how many materials were disposed (their programs are set up again on next use).
 */
export function releaseUnusedPrograms(gl: WebGLRenderer, root: Object3D): number {
  let disposed = 0
  for (const material of materialsOf(root)) {
    const book = gl.properties.get(material) as ProgramBookkeeping
    if (!book.programs || book.programs.size <= 1) continue
    material.dispose()
    disposed++
  }
  return disposed
}
