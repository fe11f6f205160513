/**
 * The arteries' open ends (domain/anatomy/vesselEnds.ts) against the model: every artery has an
 * entry, a vessel said to leave a parent begins on that parent, one said to come from outside the
 * model begins on no drawn vessel; and the rule that fades an end.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { STRUCTURE_IDS, type StructureId } from '../../src/domain/anatomy/structures.ts'
import { TISSUE_OF } from '../../src/domain/anatomy/tissues.ts'
import { VESSEL_ENDS, openEnds } from '../../src/domain/anatomy/vesselEnds.ts'
import { loadModel, type LoadedMesh, type LoadedModel } from './model-loader.ts'

let model: LoadedModel
beforeAll(async () => {
  model = await loadModel()
})

const ARTERIES = STRUCTURE_IDS.filter((id) => TISSUE_OF[id] === 'artery')

/** The middle of the vessel's first ring (its vertices at the least arc length). */
function originOf(mesh: LoadedMesh): [number, number, number] {
  const uv = mesh.uvs!
  let least = Infinity
  for (let i = 0; i < uv.length; i += 2) least = Math.min(least, uv[i]!)
  const sum = [0, 0, 0]
  let n = 0
  for (let i = 0; i < uv.length / 2; i++) {
    if (uv[2 * i]! > least + 1e-3) continue
    for (let k = 0; k < 3; k++) sum[k]! += mesh.positions[3 * i + k]!
    n++
  }
  return sum.map((v) => v / n) as [number, number, number]
}

function nearest(mesh: LoadedMesh, p: readonly number[]): number {
  let best = Infinity
  for (let i = 0; i < mesh.positions.length; i += 3) {
    best = Math.min(best, Math.hypot(mesh.positions[i]! - p[0]!, mesh.positions[i + 1]! - p[1]!, mesh.positions[i + 2]! - p[2]!))
  }
  return best
}

describe('vessel ends', () => {
  it('are set for every artery of the model', () => {
    expect(Object.keys(VESSEL_ENDS).sort()).toEqual([...ARTERIES].sort())
  })

  it('begin on the parent they name (within its radius and a ring), and a vessel from outside the model begins on none', () => {
    for (const id of ARTERIES) {
      const ends = VESSEL_ENDS[id]!
      const mesh = model.meshes.get(id)!
      if (ends.several) {
        // Several vessels in one: one of them leaves the parent.
        let closest = Infinity
        for (let i = 0; i < mesh.positions.length; i += 3) closest = Math.min(closest, nearest(model.meshes.get(ends.parent!)!, [mesh.positions[i]!, mesh.positions[i + 1]!, mesh.positions[i + 2]!]))
        expect(closest, `${id} touches ${ends.parent}`).toBeLessThan(2)
        continue
      }
      const origin = originOf(mesh)
      if (ends.parent) expect(nearest(model.meshes.get(ends.parent)!, origin), `${id} begins on ${ends.parent}`).toBeLessThan(5)
      else {
        const on = ARTERIES.filter((other) => other !== id && nearest(model.meshes.get(other)!, origin) < 5)
        expect(on, `${id} begins on no drawn vessel`).toEqual([])
      }
    }
  })

  it('fade at the origin when the parent is hidden or not drawn, and at the far end when the vessel runs on', () => {
    const none: StructureId[] = []
    expect(openEnds('deepFemoralArtery', ['femoralArtery'])).toEqual({ origin: true, far: true })
    expect(openEnds('deepFemoralArtery', none)).toEqual({ origin: false, far: true })
    expect(openEnds('femoralArtery', none)).toEqual({ origin: true, far: true })
    expect(openEnds('obturatorArtery', none)).toEqual({ origin: true, far: false })
    expect(openEnds('posterosuperiorRetinacularArteries', none)).toEqual({ origin: false, far: false })
    // Several vessels in one structure: never faded.
    expect(openEnds('posterosuperiorRetinacularArteries', ['mfcaDeepBranch'])).toEqual({ origin: false, far: false })
    expect(openEnds('femur', ['femoralArtery'])).toEqual({ origin: false, far: false })
  })
})
