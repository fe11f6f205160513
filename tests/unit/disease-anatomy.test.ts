/**
 * The disease's anatomy uniforms depend only on the model and the lesion chosen, never on what
 * was applied before (issue 9: the rim's angle was measured from the socket's axis before the
 * axis was written, so the ring of rim osteophytes of a freshly opened link differed from the
 * same view reached by changing the lesion).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Color, DataTexture, Matrix3, Matrix4, Vector3 } from 'three'
import { parseLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { diseaseAnatomyOf } from '../../src/domain/lesion/diseaseAnatomy.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { applyAnatomy, applyStage, createDiseaseUniforms, type DiseaseUniforms } from '../../src/scene/disease/uniforms.ts'

const glb = readFileSync(new URL('../../public/models/hip.glb', import.meta.url))
const parsed = parseLandmarks(JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString('utf8')).scenes[0].extras.landmarks)
if (!parsed.ok) throw new Error(parsed.errors.join('; '))
const lm = parsed.value
const anatomy = diseaseAnatomyOf(lm)
const lesion = (size: 'small' | 'large', type: 'A' | 'C1') => lesionGeometry({ size, type }, lesionAnatomyOf(lm))

/** Every uniform's value as plain numbers. */
function values(u: DiseaseUniforms): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, { value }] of Object.entries(u)) {
    if (value instanceof Vector3 || value instanceof Color) out[name] = value.toArray()
    else if (value instanceof Matrix4 || value instanceof Matrix3) out[name] = [...value.elements]
    // The cartilage map (made from the meshes, not here): its contents.
    else if (value instanceof DataTexture) out[name] = Array.from(value.image.data as Uint8Array)
    else out[name] = value
  }
  return out
}

/** Uniforms whose every number is NaN: a value read before it is written shows up as NaN. */
function poisoned(): DiseaseUniforms {
  const u = createDiseaseUniforms()
  for (const entry of Object.values(u)) {
    const v = entry.value
    if (typeof v === 'number') entry.value = Number.NaN
    else if (v instanceof Vector3) v.set(Number.NaN, Number.NaN, Number.NaN)
  }
  return u
}

describe('applyAnatomy', () => {
  it('gives the same uniforms applied once, twice, or after another lesion (a fresh link = the same view reached by clicks)', () => {
    const fresh = createDiseaseUniforms()
    applyAnatomy(fresh, anatomy, lesion('large', 'C1'))
    applyStage(fresh, 4)

    const byClicks = createDiseaseUniforms()
    applyAnatomy(byClicks, anatomy, lesion('small', 'A'))
    applyStage(byClicks, 0)
    applyAnatomy(byClicks, anatomy, lesion('large', 'C1'))
    applyStage(byClicks, 4)
    expect(values(byClicks)).toEqual(values(fresh))
  })

  it('reads no uniform it writes: from uniforms holding NaN it writes finite anatomy', () => {
    const u = poisoned()
    applyAnatomy(u, anatomy, lesion('large', 'C1'))
    const reference = createDiseaseUniforms()
    applyAnatomy(reference, anatomy, lesion('large', 'C1'))
    for (const name of ['uAcetRim', 'uJunctionAngle', 'uAcetAxis', 'uNeckDir', 'uHeadCentre', 'uAcetCentre', 'uLesionCentre', 'uCrescentDir']) {
      expect(values(u)[name], name).toEqual(values(reference)[name])
    }
    // The rim lies between the socket's axis and its equator, well away from both.
    expect(u.uAcetRim.value).toBeGreaterThan(0.5)
    expect(u.uAcetRim.value).toBeLessThan(Math.PI / 2 + 0.3)
  })
})
