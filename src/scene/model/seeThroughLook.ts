/**
 * The one owner of the hip's see-through ("X-ray") look: which of the model's materials are
 * drawn transparent, at what opacity, and without depth writes. The user's See-through choice
 * and a treatment step's own (the femur seen through while the canal is broached) both end here
 * through HipModel; the disease layer borrows it for a moment to ready those programs ahead.
 *
 * A see-through material is a different shader program in three (its `opaque` parameter is part
 * of the program's key): with software WebGL the first draw of each stopped a playing
 * treatment step for 0.2–1.3 s, hence `withSeeThrough`.
 */
import type { Material, Mesh, MeshStandardMaterial, Object3D } from 'three'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import type { LoadedHip } from './modelStore.ts'
import { isHelper } from './solidMeshes.ts'

/** Opacity of a see-through structure: enough to keep its outline, clear to see inside. */
const FADED_OPACITY = 0.18

interface Look {
  transparent: boolean
  opacity: number
  depthWrite: boolean
}

const lookOf = (m: Material): Look => ({ transparent: m.transparent, opacity: m.opacity, depthWrite: m.depthWrite })

function setLook(material: Material, look: Look): void {
  // A change of transparency is a change of program: three looks it up again at the next draw.
  if (material.transparent !== look.transparent) material.needsUpdate = true
  material.transparent = look.transparent
  material.opacity = look.opacity
  material.depthWrite = look.depthWrite
}

/** Every structure's own materials (the model's helper meshes excluded). */
function eachMaterial(model: LoadedHip, visit: (id: StructureId, material: MeshStandardMaterial) => void): void {
  for (const [id, node] of Object.entries(model.nodes) as [StructureId, Object3D | undefined][]) {
    node?.traverse((o) => {
      const mesh = o as Mesh
      if (!mesh.isMesh || isHelper(o)) return
      for (const material of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) visit(id, material as MeshStandardMaterial)
    })
  }
}

/** The look the file gave a material, remembered at its first change. */
function baseLook(material: Material): Look {
  return (material.userData.baseLook ??= lookOf(material)) as Look
}

function seeThroughLook(base: Look): Look {
  return { transparent: true, opacity: Math.min(base.opacity, FADED_OPACITY), depthWrite: false }
}

/** Draws the structures in `ids` see-through and every other structure as the file made it. */
export function showSeeThrough(model: LoadedHip, ids: ReadonlySet<StructureId>): void {
  eachMaterial(model, (id, material) => {
    const base = baseLook(material)
    setLook(material, ids.has(id) ? seeThroughLook(base) : base)
  })
}

/**
 * Runs `run` with the structures in `ids` see-through as well, then puts every look back as it
 * was, in the same task (nothing is drawn in between): for compiling their see-through
 * programs ahead (../three/programWarmUp.ts).
 */
export function withSeeThrough<T>(model: LoadedHip, ids: readonly StructureId[], run: () => T): T {
  const wanted = new Set(ids)
  const saved: [Material, Look][] = []
  eachMaterial(model, (id, material) => {
    if (!wanted.has(id)) return
    saved.push([material, lookOf(material)])
    setLook(material, seeThroughLook(baseLook(material)))
  })
  try {
    return run()
  } finally {
    for (const [material, look] of saved) setLook(material, look)
  }
}
