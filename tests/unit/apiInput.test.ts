/**
 * API input validated like link input (issue 10), one reproduced failure per test: each of
 * these passed a wrong value or printed a wrong message before.
 */
import { describe, expect, it } from 'vitest'
import { parseViewQuery, sanitizePatch, serializeViewQuery, applyPatch } from '../../src/domain/urlState.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { echoText } from '../../src/domain/echoText.ts'
import { MAX_POLAR_ANGLE_DEG, constrainCamera } from '../../src/domain/cameraBounds.ts'

const stepCount = () => 7

describe('setState input', () => {
  it('reads only the caller’s own fields: inherited names are unknown settings', () => {
    const { patch, ignored } = sanitizePatch(JSON.parse('{"constructor":"x","__proto__":{"stage":3},"toString":1}'))
    expect(patch).toEqual({})
    expect(ignored).toEqual(['constructor (unknown setting)', '__proto__ (unknown setting)', 'toString (unknown setting)'])
  })

  it('reports a step with the number the caller gave (0-based)', () => {
    expect(sanitizePatch({ step: 2 }).ignored).toEqual(['step=2 (no procedure chosen)'])
    expect(sanitizePatch({ procedure: 'bone-grafting', step: 40 }, { stepCount }).ignored).toEqual(['step=40 (shown as 6)'])
    expect(sanitizePatch({ procedure: 'bone-grafting', step: 1.5 }, { stepCount }).ignored).toEqual(['step=1.5'])
  })

  it('takes each list entry as one name', () => {
    const { patch, ignored } = sanitizePatch({ hidden: ['labrum,femur', 'jointCapsule', ''] })
    expect(patch).toEqual({ hidden: ['jointCapsule'] })
    expect(ignored).toEqual(['hidden=labrum,femur (no such structure)', 'hidden= (no such structure)'])
  })

  it('survives deeply nested values without a stack overflow', () => {
    let deep: unknown = 1
    for (let i = 0; i < 200_000; i++) deep = [deep]
    for (const input of [{ section: { plane: 'free', normal: deep } }, { camera: { position: deep, target: deep } }, { hidden: deep }, { stage: deep }]) {
      const { patch, ignored } = sanitizePatch(input)
      expect(patch).toEqual({})
      expect(ignored).toHaveLength(1)
    }
  })

  it('needs exactly three numbers for each camera point', () => {
    expect(sanitizePatch({ camera: { position: [0, 0, 400, 1], target: [0, 0] } }).ignored).toEqual(['camera (needs position and target, 3 numbers each)'])
  })

  it('null clears the camera and the view back to the default view', () => {
    for (const input of [{ camera: null }, { view: null }]) {
      expect(sanitizePatch(input).patch).toEqual({ view: 'anterior', camera: null })
    }
    // A pose or a view given with it wins, in either order.
    const pose = { position: [0, 0, 400] as const, target: [0, 0, 0] as const }
    expect(sanitizePatch({ view: null, camera: pose }).patch).toEqual({ view: null, camera: pose })
    expect(sanitizePatch({ camera: null, view: 'lateral' }).patch).toEqual({ view: 'lateral', camera: null })
  })

  it('never throws on a getter that throws', () => {
    const hostile = { get stage(): number { throw new Error('boom') } }
    expect(sanitizePatch(hostile).ignored).toEqual(['(not an object of settings)'])
  })
})

describe('cameras in links', () => {
  it('turns a camera that looks away from the hip back to it, and says so', () => {
    const { patch, ignored } = parseViewQuery('?cam=0,0,600,5000,5000,5000')
    expect(patch.camera).toEqual({ position: [0, 0, 600], target: [0, 0, 0] })
    expect(ignored).toHaveLength(1)
    expect(ignored[0]).toMatch(/^cam=.*looked away from the hip/)
  })

  it('brings a far camera closer along its line of sight', () => {
    const { patch, ignored } = parseViewQuery('?cam=0,0,4900,0,0,0')
    expect(patch.camera).toEqual({ position: [0, 0, 2000], target: [0, 0, 0] })
    expect(ignored[0]).toMatch(/too far/)
  })

  it('raises a camera that looks from under the hip to the polar limit, keeping distance and compass direction', () => {
    const { patch, ignored } = parseViewQuery('?cam=0,-300,40,0,0,0')
    const { position: p } = patch.camera!
    expect(Math.hypot(...p)).toBeCloseTo(Math.hypot(300, 40), 0)
    expect((Math.acos(p[1] / Math.hypot(...p)) * 180) / Math.PI).toBeCloseTo(MAX_POLAR_ANGLE_DEG, 0)
    expect(p[0]).toBe(0)
    expect(p[2]).toBeGreaterThan(0)
    expect(ignored[0]).toMatch(/^cam=.*moved up from below/)
    // Straight below has no compass direction: it is raised on the front side.
    expect(parseViewQuery('?cam=0,-200,0,0,0,0').patch.camera!.position[2]).toBeGreaterThan(0)
    // What it writes it accepts again unchanged.
    const again = constrainCamera(patch.camera!.position, patch.camera!.target)
    expect(again).toEqual({ pose: patch.camera, adjusted: null })
  })

  it('leaves a camera a little below the horizon as it is', () => {
    const { patch, ignored } = parseViewQuery('?cam=0,-20,150,0,0,0')
    expect(patch.camera).toEqual({ position: [0, -20, 150], target: [0, 0, 0] })
    expect(ignored).toEqual([])
  })

  it('accepts on reload the camera it writes after rounding', () => {
    const state = applyPatch(DEFAULT_VIEW_STATE, sanitizePatch({ camera: { position: [0.74, 0.74, 0.05], target: [0, 0, -10] } }).patch)
    const query = serializeViewQuery(state)
    const back = parseViewQuery(query)
    expect(back.ignored).toEqual([])
    expect(applyPatch(DEFAULT_VIEW_STATE, back.patch)).toEqual(state)
  })
})

describe('echoed link text', () => {
  it('cannot reorder or hide text: bidi controls and control characters become visible marks', () => {
    expect(echoText('abc\u202Edef\u0000')).toBe('abc\ufffddef\ufffd')
    const { ignored } = parseViewQuery(`?hide=${encodeURIComponent('\u202Eevil')}&sel=%00`)
    expect(ignored).toEqual(['hide=\ufffdevil (no such structure)', 'sel=\ufffd'])
  })

  it('cuts long values on a character boundary', () => {
    expect(echoText('😀'.repeat(30), 24)).toBe(`${'😀'.repeat(24)}…`)
  })
})
