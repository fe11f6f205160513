import { describe, expect, it } from 'vitest'
import { applyPatch, parseViewQuery, sanitizePatch, serializeViewQuery } from '../../src/domain/urlState.ts'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/viewState.ts'

const stepCount = () => 7

describe('link parsing', () => {
  it('reads every parameter of a full link', () => {
    const { patch, ignored } = parseViewQuery(
      '?stage=2.5&sys=ficat&size=medium&loc=c2&proc=core-decompression&step=3&mode=clinician&view=posterior&hide=labrum,jointCapsule&sel=femur&side=left&lang=en&flow=0',
      { stepCount },
    )
    expect(ignored).toEqual([])
    expect(patch).toEqual({
      stage: 2.5, stageSystem: 'ficat', lesionSize: 'medium', lesionType: 'C2', procedure: 'core-decompression', step: 2,
      mode: 'clinician', view: 'posterior', camera: null, hidden: ['jointCapsule', 'labrum'], selected: 'femur', side: 'left',
      lang: 'en', flow: false,
    })
  })

  it('ignores a stage that is not a number and names it', () => {
    const { patch, ignored } = parseViewQuery('?stage=banana')
    expect(patch.stage).toBeUndefined()
    expect(ignored).toEqual(['stage=banana'])
  })

  it.each([
    ['99', 4],
    ['-3', 0],
    ['1e9', 4],
  ])('clamps stage=%s to %d and says so', (raw, shown) => {
    const { patch, ignored } = parseViewQuery(`?stage=${raw}`)
    expect(patch.stage).toBe(shown)
    expect(ignored[0]).toContain(`shown as ${shown}`)
  })

  it('rejects Infinity, empty and hex-like stages', () => {
    for (const raw of ['Infinity', '', '0x2', ' ']) {
      expect(parseViewQuery(`?stage=${encodeURIComponent(raw)}`).patch.stage, raw).toBe(raw === '0x2' ? 2 : undefined)
    }
  })

  it('ignores unknown procedures, views, modes and structures by name', () => {
    const { patch, ignored } = parseViewQuery('?proc=magic&view=inside&mode=robot&hide=labrum,spleen&sel=heart')
    expect(patch).toEqual({ hidden: ['labrum'] })
    expect(ignored).toEqual(['proc=magic', 'view=inside', 'mode=robot', 'hide=spleen (no such structure)', 'sel=heart'])
  })

  it('leaves hidden/faded as they were when no name in the list is a structure (the default hidden artery stays hidden)', () => {
    expect(parseViewQuery('?hide=spleen').patch).toEqual({})
    expect(parseViewQuery('?hide=').patch).toEqual({ hidden: [] })
    const api = sanitizePatch({ hidden: ['notABone'], faded: ['x', 'y'] })
    expect(api.patch).toEqual({})
    expect(api.ignored).toEqual(['hidden=notABone (no such structure)', 'faded=x (no such structure)', 'faded=y (no such structure)'])
    expect(applyPatch(DEFAULT_VIEW_STATE, api.patch).hidden).toEqual(DEFAULT_VIEW_STATE.hidden)
  })

  it('clamps a step to the procedure and drops a step without a procedure', () => {
    expect(parseViewQuery('?proc=hip-resurfacing&step=40', { stepCount }).patch.step).toBe(6)
    const orphan = parseViewQuery('?step=2')
    expect(orphan.patch.step).toBeUndefined()
    expect(orphan.ignored[0]).toContain('no procedure')
  })

  it('survives a 10 kB query string without reading the oversized value', () => {
    const huge = `?stage=1.5&hide=${'labrum,'.repeat(1500)}&junk=${'x'.repeat(10_000)}`
    expect(huge.length).toBeGreaterThan(10_000)
    const { patch, ignored } = parseViewQuery(huge)
    expect(patch.stage).toBe(1.5)
    expect(patch.hidden).toBeUndefined()
    expect(ignored).toContain('hide (value too long)')
    expect(ignored.some((r) => r.startsWith('junk'))).toBe(true)
    expect(ignored.join(' ').length).toBeLessThan(200)
  })

  it('reads a free camera and rejects malformed ones', () => {
    expect(parseViewQuery('?cam=10,20,300.5,0,-25,0').patch).toEqual({
      camera: { position: [10, 20, 300.5], target: [0, -25, 0] },
      view: null,
    })
    for (const bad of ['1,2,3', '1,2,3,4,5,x', '0,0,0,0,0,0', '1e7,0,0,0,0,0']) {
      expect(parseViewQuery(`?cam=${bad}`).patch.camera, bad).toBeUndefined()
    }
  })

  it('names unknown and repeated parameters', () => {
    const { ignored } = parseViewQuery('?utm_source=mail&stage=1&stage=2')
    expect(ignored).toEqual(['utm_source (unknown setting)', 'stage (given twice; the first one was used)'])
  })
})

describe('cross-section, see-through and labels in the link', () => {
  it.each([
    ['coronal', { plane: 'coronal', offset: 0, flip: false }],
    ['axial,-12.5', { plane: 'axial', offset: -12.5, flip: false }],
    ['sagittal,3,flip', { plane: 'sagittal', offset: 3, flip: true }],
  ])('reads cut=%s', (raw, expected) => {
    expect(parseViewQuery(`?cut=${raw}`).patch.section).toMatchObject(expected)
  })

  it('reads a free plane and normalises its normal', () => {
    expect(parseViewQuery('?cut=free,0,0,2,7.25').patch.section).toEqual({ plane: 'free', offset: 7.3, flip: false, normal: [0, 0, 1] })
  })

  it.each(['diagonal', 'coronal,x', 'coronal,999', 'free,0,0,0,1', 'free,1,0', 'coronal,1,2'])('ignores cut=%s', (raw) => {
    const { patch, ignored } = parseViewQuery(`?cut=${raw}`)
    expect(patch.section).toBeUndefined()
    expect(ignored).toHaveLength(1)
  })

  it('round-trips cut, fade and labels', () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      faded: ['femur', 'hipBone'],
      labels: true,
      section: { plane: 'free', offset: -4.5, flip: true, normal: [0.6, 0, 0.8] },
    }
    const query = serializeViewQuery(state)
    expect(query).toBe('?fade=femur,hipBone&cut=free,0.6,0,0.8,-4.5,flip&labels=1')
    expect(applyPatch(DEFAULT_VIEW_STATE, parseViewQuery(query).patch)).toEqual(state)
  })

  it('opens a link with a cut and no view on the view that faces the cut face (issue 9)', () => {
    expect(parseViewQuery('?cut=axial').patch).toMatchObject({ view: 'superior', camera: null })
    expect(parseViewQuery('?cut=sagittal,5').patch).toMatchObject({ view: 'lateral', camera: null })
    expect(parseViewQuery('?cut=coronal,0,flip').patch).toMatchObject({ view: 'posterior', camera: null })
    // A view or a camera in the link is what it says.
    expect(parseViewQuery('?cut=axial&view=anterior').patch.view).toBe('anterior')
    expect(parseViewQuery('?cam=0,0,300,0,0,0&cut=axial').patch).toMatchObject({ view: null })
    // No named view faces these: the default stays.
    expect(parseViewQuery('?cut=axial,0,flip').patch.view).toBeUndefined()
    expect(parseViewQuery('?cut=free,0,0,1,0').patch.view).toBeUndefined()
  })

  it('writes the view beside a cut only when it is not the one the cut implies, and reads it back', () => {
    const axial = { plane: 'axial', offset: 0, flip: false, normal: [0, 0, 1] } as const
    const facing: ViewState = { ...DEFAULT_VIEW_STATE, view: 'superior', section: axial }
    const edgeOn: ViewState = { ...DEFAULT_VIEW_STATE, view: 'anterior', section: axial }
    expect(serializeViewQuery(facing)).toBe('?cut=axial')
    expect(serializeViewQuery(edgeOn)).toBe('?view=anterior&cut=axial')
    for (const state of [facing, edgeOn, { ...DEFAULT_VIEW_STATE, view: 'posterior', section: { ...axial, plane: 'coronal', flip: true } } as ViewState]) {
      expect(applyPatch(DEFAULT_VIEW_STATE, parseViewQuery(serializeViewQuery(state)).patch)).toEqual(state)
    }
  })

  it('accepts sections from the API', () => {
    expect(sanitizePatch({ section: { plane: 'axial', offset: 4 } }).patch.section).toMatchObject({ plane: 'axial', offset: 4 })
    // The API sets what it is given: a section alone does not turn the camera.
    expect(sanitizePatch({ section: { plane: 'axial', offset: 4 } }).patch.view).toBeUndefined()
    expect(sanitizePatch({ section: null }).patch).toEqual({ section: null })
    expect(sanitizePatch({ section: { plane: 'wobbly' } }).ignored).toEqual(['section=wobbly,0'])
  })
})

describe('link writing', () => {
  it('leaves the defaults out', () => {
    expect(serializeViewQuery(DEFAULT_VIEW_STATE)).toBe('')
  })

  it('round-trips a full state', () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      stage: 3.27,
      stageSystem: 'ficat',
      lesionSize: 'small',
      lesionType: 'A',
      procedure: 'total-hip-replacement',
      step: 4,
      mode: 'clinician',
      view: null,
      camera: { position: [120.04, -30, 410.96], target: [0, -20.5, 0] },
      hidden: ['labrum', 'femoralArtery'],
      selected: 'hipBone',
      side: 'left',
      flow: false,
    }
    const query = serializeViewQuery(state)
    const back = applyPatch(DEFAULT_VIEW_STATE, parseViewQuery(query, { stepCount }).patch)
    expect(back).toEqual({
      ...state,
      camera: { position: [120, -30, 411], target: [0, -20.5, 0] },
      hidden: ['femoralArtery', 'labrum'],
    })
    expect(serializeViewQuery(back)).toBe(query)
  })

  it('writes a named view rather than a camera when one is chosen', () => {
    expect(serializeViewQuery({ ...DEFAULT_VIEW_STATE, view: 'lateral', camera: null })).toBe('?view=lateral')
  })
})

describe('API patches', () => {
  it('validates data exactly like a link', () => {
    const { patch, ignored } = sanitizePatch({ stage: 99, mode: 'robot', hidden: ['labrum', 'spleen'], flow: false, colour: 'red' })
    expect(patch).toEqual({ stage: 4, hidden: ['labrum'], flow: false })
    expect(ignored).toEqual(['stage=99 (shown as 4)', 'mode=robot', 'hidden=spleen (no such structure)', 'colour (unknown setting)'])
  })

  it('clears with null and empty lists', () => {
    expect(sanitizePatch({ procedure: null, selected: null, hidden: [] }).patch).toEqual({ procedure: null, variant: null, step: 0, selected: null, hidden: [] })
  })

  it('applies a step to the procedure already shown', () => {
    expect(sanitizePatch({ step: 2 }, { stepCount, currentProcedure: 'bone-grafting' }).patch).toMatchObject({ step: 2 })
  })

  it('refuses what is not an object', () => {
    expect(sanitizePatch('stage=2').ignored).toHaveLength(1)
    expect(sanitizePatch(null).patch).toEqual({})
  })
})

describe('the cutaway window in the link', () => {
  it.each(['on', 'off'] as const)('round-trips cutaway=%s', (choice) => {
    const state: ViewState = { ...DEFAULT_VIEW_STATE, stage: 3, cutaway: choice }
    const query = serializeViewQuery(state)
    expect(query).toBe(`?stage=3&cutaway=${choice}`)
    expect(applyPatch(DEFAULT_VIEW_STATE, parseViewQuery(query).patch)).toEqual(state)
  })

  it('leaves the automatic window out of the link, and reads an explicit auto', () => {
    expect(serializeViewQuery({ ...DEFAULT_VIEW_STATE, stage: 3 })).toBe('?stage=3')
    expect(parseViewQuery('?cutaway=auto')).toEqual({ patch: { cutaway: 'auto' }, ignored: [] })
  })

  it.each(['1', 'yes', 'ON', '', 'on,off'])('ignores cutaway=%s and names it', (raw) => {
    const { patch, ignored } = parseViewQuery(`?stage=2&cutaway=${encodeURIComponent(raw)}`)
    expect(patch).toEqual({ stage: 2 })
    expect(ignored).toEqual([`cutaway=${raw}`])
  })

  it('validates the API field like the link', () => {
    expect(sanitizePatch({ cutaway: 'off' }).patch).toEqual({ cutaway: 'off' })
    expect(sanitizePatch({ cutaway: true })).toEqual({ patch: {}, ignored: ['cutaway (wrong type)'] })
    expect(sanitizePatch({ cutaway: 'open' })).toEqual({ patch: {}, ignored: ['cutaway=open'] })
  })
})

describe('the cause in the link', () => {
  it('leaves the common, non-traumatic route out and round-trips the traumatic one', () => {
    expect(serializeViewQuery({ ...DEFAULT_VIEW_STATE, stage: 1 })).toBe('?stage=1')
    const state: ViewState = { ...DEFAULT_VIEW_STATE, stage: 1, cause: 'traumatic' }
    const query = serializeViewQuery(state)
    expect(query).toBe('?stage=1&cause=traumatic')
    expect(applyPatch(DEFAULT_VIEW_STATE, parseViewQuery(query).patch)).toEqual(state)
  })

  it('ignores an unknown cause and names it, in links and in the API', () => {
    expect(parseViewQuery('?cause=steroids')).toEqual({ patch: {}, ignored: ['cause=steroids'] })
    expect(sanitizePatch({ cause: 'traumatic' }).patch).toEqual({ cause: 'traumatic' })
    expect(sanitizePatch({ cause: 3 }).ignored).toEqual(['cause=3'])
  })
})

describe('hidden structures against their default', () => {
  it('hides the femoral artery by default, out of the link; showing it writes an empty list', () => {
    expect(DEFAULT_VIEW_STATE.hidden).toEqual(['femoralArtery'])
    expect(serializeViewQuery(DEFAULT_VIEW_STATE)).toBe('')
    const shown: ViewState = { ...DEFAULT_VIEW_STATE, hidden: [] }
    expect(serializeViewQuery(shown)).toBe('?hide=')
    expect(applyPatch(DEFAULT_VIEW_STATE, parseViewQuery(serializeViewQuery(shown)).patch)).toEqual(shown)
    const more: ViewState = { ...DEFAULT_VIEW_STATE, hidden: ['femoralArtery', 'labrum'] }
    expect(applyPatch(DEFAULT_VIEW_STATE, parseViewQuery(serializeViewQuery(more)).patch)).toEqual(more)
  })
})
