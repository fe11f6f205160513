/**
 * The parts of the joint sit where they belong without cutting into each other: the femur
 * clears the hip bone (no impingement in the neutral position), the two cartilage layers
 * keep a synovial film between them, and the vessels on the neck stay off the socket.
 * Distances are read with the generator's own hip-bone distance field at the vertices of
 * the committed meshes.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { acetabulumGeometry } from '../../src/anatomy/acetabulumGeometry.ts'
import { buildFrames } from '../../src/anatomy/frames.ts'
import { hipBoneSdf } from '../../src/anatomy/pelvisShape.ts'
import type { Sdf } from '../../src/anatomy/sdf.ts'
import { morphometricValues } from '../../src/domain/anatomy/morphometrics.ts'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { loadModel, type LoadedModel } from './model-loader.ts'

let model: LoadedModel
let pelvis: Sdf
beforeAll(async () => {
  model = await loadModel()
  const f = buildFrames(morphometricValues())
  pelvis = hipBoneSdf(f, acetabulumGeometry(f))
})

const minDistance = (id: string): number => {
  const m = model.meshes.get(id)!
  let min = Infinity
  for (let i = 0; i < m.positions.length; i += 3) min = Math.min(min, pelvis(m.positions[i]!, m.positions[i + 1]!, m.positions[i + 2]!))
  return min
}

describe('clearances in the neutral position', () => {
  it('the femur clears the hip bone by at least 2 mm', () => {
    expect(minDistance('femur')).toBeGreaterThan(2)
  })

  it('the head cartilage clears the bony socket and the acetabular cartilage', () => {
    expect(minDistance('femoralHeadCartilage')).toBeGreaterThan(1.5)
    const radii = (id: string) => {
      const P = model.meshes.get(id)!.positions
      const out: number[] = []
      for (let i = 0; i < P.length; i += 3) out.push(Math.hypot(P[i]!, P[i + 1]!, P[i + 2]!))
      return out
    }
    const headOuter = Math.max(...radii('femoralHeadCartilage'))
    const acetInner = Math.min(...radii('acetabularCartilage'))
    expect(acetInner - headOuter).toBeGreaterThan(0.05)
  })

  it('the medial acetabular wall behind the fossa is thin (quadrilateral plate), the roof thick', () => {
    const lm = model.sceneExtras.landmarks as HipLandmarks
    const thickness = (d: readonly number[]) => {
      let r = 20
      while (r < 120 && pelvis(d[0]! * r, d[1]! * r, d[2]! * r) > 0) r += 0.05
      const inner = r
      while (r < 160 && pelvis(d[0]! * r, d[1]! * r, d[2]! * r) <= 0) r += 0.05
      return r - inner
    }
    const behindFossa = thickness(lm.acetabulum.fossaDirection)
    expect(behindFossa).toBeGreaterThan(3)
    expect(behindFossa).toBeLessThan(8)
    expect(thickness([0, 1, 0])).toBeGreaterThan(12)
  })

  it('retinacular vessels on the neck stay clear of the socket', () => {
    for (const id of ['posterosuperiorRetinacularArteries', 'anteriorRetinacularArtery', 'inferiorRetinacularArtery']) {
      expect(minDistance(id), id).toBeGreaterThan(1)
    }
  })
})
