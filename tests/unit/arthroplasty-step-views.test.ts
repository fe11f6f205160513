/**
 * How the joint replacements' steps are seen (a surgeon's review of every step's picture): the
 * socket steps look into the socket, not at its rim edge-on; the canal steps see the broach and
 * stem through the bone; no artery is left hanging once the femur is out; the opening step shows
 * the whole hip.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { TISSUE_OF } from '../../src/domain/anatomy/tissues.ts'
import { STRUCTURE_IDS } from '../../src/domain/anatomy/structures.ts'
import { VIEW_DIRECTIONS } from '../../src/domain/cameraViews.ts'
import { stepView } from '../../src/domain/treatment/stepViews.ts'
import { stepIdsOf } from '../../src/domain/treatment/stepIds.ts'
import { dot, normalise } from '../../src/domain/vec3.ts'
import { onFemur } from '../../src/scene/model/femurShift.ts'
import { loadLandmarks } from './model-loader.ts'

let lm: HipLandmarks
beforeAll(async () => {
  lm = await loadLandmarks()
})

/** The arteries the femur leaves behind when it is dislocated (those on its neck move with it). */
const LEFT_BEHIND = STRUCTURE_IDS.filter((id) => TISSUE_OF[id] === 'artery' && !onFemur(id))

describe.each([
  // (The THR's reaming and cup are seen from the front, with the removed head cut open beside the joint.)
  ['total-hip-replacement', ['liner']],
  ['hip-resurfacing', ['cup']],
] as const)('%s', (procedure, socketSteps) => {
  it('looks into the socket while it is reamed and lined: the view within 60° of its opening axis (the front view was 70–90° off, the rim edge-on)', () => {
    for (const id of socketSteps) {
      const view = stepView(procedure, null, id)
      const angle = (Math.acos(dot(normalise(VIEW_DIRECTIONS[view.view]), lm.acetabulum.openingAxis)) * 180) / Math.PI
      expect(angle, `${id}: ${view.view} is ${angle.toFixed(0)}° from the opening axis`).toBeLessThan(60)
      expect(view.focus, id).toBe('socket')
    }
  })

  it('shows the whole hip while the joint is opened', () => {
    expect(stepView(procedure, null, 'approach').focus).toBe('hip')
  })

  it('hides every artery the femur leaves behind, from the dislocation to the end', () => {
    const ids = stepIdsOf(procedure, null)
    for (const id of ids.slice(ids.indexOf('dislocate'))) {
      const hidden = new Set(stepView(procedure, null, id).hidden)
      for (const artery of LEFT_BEHIND) expect(hidden.has(artery), `${id}: ${artery}`).toBe(true)
    }
  })
})

it('total hip replacement: the canal steps draw the femur see-through, so the broach and the stem show in the canal', () => {
  for (const id of ['broach-femur', 'stem']) {
    const seen = stepView('total-hip-replacement', null, id).seeThrough
    expect(seen, id).toContain('femur')
    expect(seen, id).toContain('femurCancellous')
  }
})
