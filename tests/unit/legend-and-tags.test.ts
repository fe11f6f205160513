/**
 * The colour key and the tags on the disease (issue 8): the key lists every mark the picture can
 * draw and, at any moment, only those it shows; the tags name the dead bone, the crack (only
 * where the inside of the head is seen) and the socket, and point at the right places.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { labelsShown } from '../../src/domain/labelsShown.ts'
import { diseaseTagAnchor, diseaseTagsShown, deadBoneSurfacePoints } from '../../src/domain/lesion/diseaseTags.ts'
import { ACETABULAR_CHANGES, acetabularCystOffset } from '../../src/domain/imaging/xrayAttenuation.ts'
import { CRESCENT_DEPTH_MM, isInLesion, lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { clipPlaneOf, type SectionState } from '../../src/domain/section.ts'
import { LEGEND_MARKS, legendEntries } from '../../src/domain/staging/legend.ts'
import { DEFAULT_VIEW_STATE, type Vec3 } from '../../src/domain/viewState.ts'

const marks = (stage: number, cause: 'nontraumatic' | 'traumatic' = 'nontraumatic', seeThrough = false) =>
  legendEntries({ stage, cause, seeThrough }).map((e) => e.mark)

const CORONAL: SectionState = { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] }

function landmarks(): HipLandmarks {
  const glb = readFileSync(new URL('../../public/models/hip.glb', import.meta.url))
  const json = JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString('utf8'))
  const parsed = parseLandmarks(json.scenes[0].extras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  return parsed.value
}

describe('the colour key', () => {
  it('is empty for a healthy hip', () => {
    expect(marks(0)).toEqual([])
    expect(marks(0, 'traumatic', true)).toEqual([])
  })

  it('while an operation is shown, says the dead bone is grey, flecked only where cut (its surface has no flecks then)', () => {
    const dead = (operation: boolean) => legendEntries({ stage: 2, cause: 'nontraumatic', seeThrough: false, operation }).find((e) => e.mark === 'dead')!
    expect(dead(false).plain).toBe('dead bone (grey, finely flecked)')
    expect(dead(true).plain).toBe('dead bone (grey; flecked where cut)')
    expect(dead(true).clinical).toBe('necrotic segment (grey; flecked on a cut)')
    // The same marks either way.
    expect(legendEntries({ stage: 3, cause: 'nontraumatic', seeThrough: false, operation: true }).map((e) => e.mark)).toEqual(marks(3))
  })

  it('lists only the marks the picture shows at each stage', () => {
    // Before the lesion demarcates: the failing territory, no dead bone, no double line yet.
    expect(marks(0.5)).toContain('ischaemic')
    expect(marks(0.5)).not.toContain('crack')
    // Stage I–II: dead bone inside the double line, no crack, no arthritis.
    for (const s of [1, 2]) {
      expect(marks(s)).toEqual(expect.arrayContaining(['dead', 'doubleLine']))
      expect(marks(s)).not.toContain('ischaemic')
      expect(marks(s)).not.toContain('crack')
      expect(marks(s)).not.toContain('arthritis')
    }
    // The dead bone's cysts come with its sclerosis: not at ARCO I, from II on.
    expect(marks(0.75)).not.toContain('lesionCysts')
    for (const s of [1.5, 2.75, 4]) expect(marks(s)).toContain('lesionCysts')
    // Collapse: the crack and the oedema that comes with it.
    expect(marks(2.5)).toEqual(expect.arrayContaining(['crack', 'oedema']))
    // Stage IV: arthritis and worn cartilage.
    expect(marks(4)).toEqual(expect.arrayContaining(['arthritis', 'cartilageWear']))
    expect(marks(3)).not.toContain('arthritis')
  })

  it('names blocked arteries only for the route after an injury, and living bone only in the see-through view', () => {
    expect(marks(1, 'traumatic')).toContain('occludedArtery')
    for (const s of [0.5, 1, 2, 3, 4]) expect(marks(s, 'nontraumatic')).not.toContain('occludedArtery')
    expect(marks(2, 'nontraumatic', true)).toContain('perfused')
    expect(marks(2, 'nontraumatic', false)).not.toContain('perfused')
  })

  it('has an entry for every mark, and each one appears somewhere on the slider', () => {
    const seen = new Set<string>()
    for (let s = 0; s <= 4; s += 0.1) for (const cause of ['nontraumatic', 'traumatic'] as const) for (const see of [false, true]) for (const m of marks(s, cause, see)) seen.add(m)
    expect([...seen].sort()).toEqual([...LEGEND_MARKS].sort())
  })

  it('has words for patients and terms for clinicians', () => {
    for (const e of legendEntries({ stage: 4, cause: 'traumatic', seeThrough: true })) {
      expect(e.plain.length).toBeGreaterThan(3)
      expect(e.clinical.length).toBeGreaterThan(3)
    }
  })
})

describe('the tags on the disease', () => {
  it('name nothing on a healthy hip; dead bone once demarcated; the socket while the disease is shown', () => {
    expect(diseaseTagsShown({ stage: 0, section: null, seeThrough: false })).toEqual([])
    expect(diseaseTagsShown({ stage: 0.2, section: null, seeThrough: false })).toEqual(['socket'])
    expect(diseaseTagsShown({ stage: 1, section: null, seeThrough: false })).toEqual(['deadBone', 'socket'])
  })

  it('name the crack only where the inside of the head is seen (a cut or the see-through view)', () => {
    expect(diseaseTagsShown({ stage: 3, section: null, seeThrough: false })).not.toContain('crack')
    expect(diseaseTagsShown({ stage: 3, section: CORONAL, seeThrough: false })).toContain('crack')
    expect(diseaseTagsShown({ stage: 3, section: null, seeThrough: true })).toContain('crack')
    // Not before the fracture.
    expect(diseaseTagsShown({ stage: 2, section: CORONAL, seeThrough: true })).not.toContain('crack')
  })

  it('name a cyst in the socket’s roof at stage IV where a cut shows the bone, on the cut inside the cyst', () => {
    expect(diseaseTagsShown({ stage: 4, section: CORONAL, seeThrough: false })).toContain('cyst')
    expect(diseaseTagsShown({ stage: 4, section: null, seeThrough: true })).not.toContain('cyst')
    // Not before the arthritis has made them.
    expect(diseaseTagsShown({ stage: 3, section: CORONAL, seeThrough: false })).not.toContain('cyst')
    const lm = landmarks()
    const g = lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm))
    const at = diseaseTagAnchor('cyst', lm, g, { section: CORONAL, seeThrough: false })!
    const { normal, constant } = clipPlaneOf(CORONAL, 'right')
    expect(Math.abs(normal[0] * at[0] + normal[1] * at[1] + normal[2] * at[2] + constant)).toBeLessThan(1e-6)
    // Inside one of the cysts the pictures draw (the same centres and radii).
    const a = lm.acetabulum.centre
    const inside = ACETABULAR_CHANGES.cysts.value.some((c) => {
      const o = acetabularCystOffset(c, lm.acetabulum.radius)
      return Math.hypot(...[0, 1, 2].map((k) => (at[k]! - a[k]! - o[k]!) / c.radiiMm[k]!)) < 1
    })
    expect(inside).toBe(true)
    // A cut that misses them gives the tag nothing to point at.
    expect(diseaseTagAnchor('cyst', lm, g, { section: { ...CORONAL, offset: 40 }, seeThrough: false })).toBeNull()
  })

  it('leave the socket to the landmark labels when those are on', () => {
    const ids = (labels: boolean) => labelsShown({ ...DEFAULT_VIEW_STATE, stage: 3, labels }).map((l) => l.id)
    expect(ids(false)).toEqual(['disease-deadBone', 'disease-socket'])
    expect(ids(true)).toContain('disease-deadBone')
    expect(ids(true)).not.toContain('disease-socket')
  })

  it('point at the lesion: in the cut on the cut face, otherwise at the head over it', () => {
    const lm = landmarks()
    const c = lm.femoralHead.centre
    const R = lm.femoralHead.radius
    const rel = (p: Vec3): Vec3 => [p[0] - c[0], p[1] - c[1], p[2] - c[2]]
    for (const size of ['small', 'medium', 'large'] as const) {
      const g = lesionGeometry({ size, type: 'C1' }, lesionAnatomyOf(lm))
      for (const id of ['deadBone', 'crack'] as const) {
        const inCut = diseaseTagAnchor(id, lm, g, { section: CORONAL, seeThrough: false })
        expect(inCut, `${size} ${id}`).not.toBeNull()
        const { normal, constant } = clipPlaneOf(CORONAL, 'right')
        expect(Math.abs(normal[0] * inCut![0] + normal[1] * inCut![1] + normal[2] * inCut![2] + constant)).toBeLessThan(1e-6)
        expect(isInLesion(rel(inCut!), g), `${size} ${id} in the cut`).toBe(true)
        const onHead = diseaseTagAnchor(id, lm, g, { section: null, seeThrough: true })!
        const q = rel(onHead)
        // Over the lesion: its direction lies inside the lesion's footprint just under the surface.
        const r = Math.hypot(...q)
        expect(isInLesion([(q[0] / r) * (R - 1), (q[1] / r) * (R - 1), (q[2] / r) * (R - 1)], g), `${size} ${id} over the lesion`).toBe(true)
        // Superior half of the head (the lesion is under the dome).
        expect(q[1]).toBeGreaterThan(0)
      }
      // The crack lies just under the subchondral plate, not deep in the head.
      const crack = rel(diseaseTagAnchor('crack', lm, g, { section: null, seeThrough: true })!)
      expect(Math.hypot(...crack)).toBeGreaterThan(R - 3)
      // In the cut, on the line the caps draw: the fracture's depth under the surface (the foot
      // of that point on the plane lay 1–2 mm deeper, and the tag pointed below the line).
      for (const section of [CORONAL, { ...CORONAL, offset: 6 }]) {
        const crackCut = rel(diseaseTagAnchor('crack', lm, g, { section, seeThrough: false })!)
        expect(Math.hypot(...crackCut), `${size} crack in the cut at ${section.offset} mm`).toBeCloseTo(R - CRESCENT_DEPTH_MM.value, 2)
      }
      // Every fallback point for the dead-bone tag lies over the lesion too.
      for (const p of deadBoneSurfacePoints(lm, g)) {
        const q = rel(p)
        const r = Math.hypot(...q)
        expect(isInLesion([(q[0] / r) * (R - 1), (q[1] / r) * (R - 1), (q[2] / r) * (R - 1)], g)).toBe(true)
      }
    }
  })
})
