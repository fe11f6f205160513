/**
 * Where the head's vertex shader draws a femur point (domain/lesion/drawnTissue.ts
 * drawnFemurPoint), which the labels follow: unmoved while the head is whole, sunk by the
 * collapse depth over the lesion, and unmoved away from the head.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { collapseDepthAt } from '../../src/domain/lesion/collapse.ts'
import { diseaseAnatomyOf, type DiseaseAnatomy } from '../../src/domain/lesion/diseaseAnatomy.ts'
import { drawnFemurPoint, type DrawnDisease } from '../../src/domain/lesion/drawnTissue.ts'
import { lesionAnatomyOf, lesionGeometry, type LesionGeometry } from '../../src/domain/lesion/geometry.ts'
import type { Vec3 } from '../../src/domain/viewState.ts'
import { loadLandmarks } from './model-loader.ts'

describe('drawnFemurPoint', () => {
  let anatomy: DiseaseAnatomy
  let lesion: LesionGeometry
  let c: Vec3
  let R: number
  beforeAll(async () => {
    const lm = await loadLandmarks()
    anatomy = diseaseAnatomyOf(lm)
    lesion = lesionGeometry({ size: 'large', type: 'C1' }, lesionAnatomyOf(lm))
    c = anatomy.headCentre
    R = anatomy.headRadius
  })
  const disease = (collapseMm: number, jointSpaceMm = anatomy.jointSpaceRestMm): DrawnDisease => ({
    anatomy, lesion, collapseMm, jointSpaceMm, cartLesion: 1, cartElsewhere: 1, acetCart: 1, shift: [0, 0, 0],
  })
  const at = (dir: Vec3, r: number): Vec3 => [c[0] + dir[0] * r, c[1] + dir[1] * r, c[2] + dir[2] * r]
  const radius = (p: Vec3) => Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2])

  it('leaves a whole head where it is', () => {
    const p = at(lesion.centre, R - 1.8)
    expect(drawnFemurPoint(p, disease(0))).toEqual(p)
  })

  it('sinks a point under the plate over the lesion by the collapse there, along its radius', () => {
    const p = at(lesion.centre, R - 1.8)
    const q = drawnFemurPoint(p, disease(3))
    const sink = collapseDepthAt(lesion.centre, { lesion, depthMm: 3 })
    expect(sink).toBeGreaterThan(1)
    expect(radius(q)).toBeCloseTo(R - 1.8 - sink, 6)
    // Along the same radius: the direction is unchanged.
    const r = radius(q)
    for (let i = 0; i < 3; i++) expect((q[i]! - c[i]!) / r).toBeCloseTo(lesion.centre[i]!, 6)
  })

  it('does not move the neck or the deep head', () => {
    expect(drawnFemurPoint(at(lesion.centre, 0.4 * R), disease(3))).toEqual(at(lesion.centre, 0.4 * R))
    expect(drawnFemurPoint(at(lesion.centre, R + 9), disease(3))).toEqual(at(lesion.centre, R + 9))
  })
})
