/**
 * The treatment variant in the link and the API (issue 11): `variant=` beside `proc` and
 * `step`, validated like every other field, and a step that always lies within the chosen
 * variant's own step list.
 */
import { describe, expect, it } from 'vitest'
import { applyPatch, parseViewQuery, sanitizePatch, serializeViewQuery } from '../../src/domain/urlState.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { stepCountOf } from '../../src/domain/procedureStepCounts.ts'
import type { ProcedureId } from '../../src/domain/procedures.ts'

/** Step counts where the variant's list is shorter than the default one, as a variant's own sequence may be. */
const shorterVariant = (procedure: ProcedureId, variant: string | null) => (variant === 'multiple-drilling' ? 3 : stepCountOf(procedure, variant))

describe('the variant in a link', () => {
  it('opens a variant at a step, and writes the same link back', () => {
    const query = '?proc=core-decompression&variant=multiple-drilling&step=5'
    const { patch, ignored } = parseViewQuery(query, { stepCount: stepCountOf })
    expect(ignored).toEqual([])
    expect(patch).toMatchObject({ procedure: 'core-decompression', variant: 'multiple-drilling', step: 4 })
    const state = applyPatch(DEFAULT_VIEW_STATE, patch)
    expect(state).toMatchObject({ procedure: 'core-decompression', variant: 'multiple-drilling', step: 4 })
    // Written back, it says the view and the cut (none), so it is not staged again when opened.
    const written = serializeViewQuery(state)
    expect(written).toBe(`${query}&view=anterior&cut=none`)
    expect(parseViewQuery(written, { stepCount: stepCountOf })).toEqual({ patch: { ...patch, view: 'anterior', camera: null, section: null }, ignored: [] })
  })

  it('leaves to the step the view and the cut a hand-made link does not give (and only those)', () => {
    expect(parseViewQuery('?proc=core-decompression&step=5').leftToStep).toEqual({ view: true, cut: true })
    expect(parseViewQuery('?proc=core-decompression&step=5&view=posterior').leftToStep).toEqual({ view: false, cut: true })
    expect(parseViewQuery('?proc=core-decompression&step=5&cam=0,0,300,0,0,0').leftToStep).toEqual({ view: false, cut: true })
    // A named cut implies the view facing it, as without a treatment.
    const named = parseViewQuery('?proc=core-decompression&step=5&cut=coronal')
    expect([named.patch.view, named.leftToStep]).toEqual(['anterior', undefined])
    expect(parseViewQuery('?proc=core-decompression&step=5&view=anterior&cut=none').leftToStep).toBeUndefined()
    // A value that cannot be read is in the notice, and the step stages what it would have set.
    const bad = parseViewQuery('?proc=core-decompression&step=5&cut=sideways')
    expect([bad.ignored, bad.leftToStep]).toEqual([['cut=sideways'], { view: true, cut: true }])
    expect(parseViewQuery('?stage=3&cut=coronal').leftToStep).toBeUndefined()
    expect(parseViewQuery('?cut=none')).toEqual({ patch: { section: null }, ignored: [] })
  })

  it('names a variant without a procedure, or of another procedure, in the notice', () => {
    expect(parseViewQuery('?variant=multiple-drilling').ignored).toEqual(['variant=multiple-drilling (no procedure chosen)'])
    const other = parseViewQuery('?proc=bone-grafting&variant=multiple-drilling')
    expect(other.ignored).toEqual(['variant=multiple-drilling (not a variant of bone-grafting)'])
    expect(other.patch.variant).toBeUndefined()
    expect(parseViewQuery('?proc=core-decompression&variant=constructor').patch.variant).toBeUndefined()
  })

  it('clamps the step to the variant\'s own step list', () => {
    const { patch, ignored } = parseViewQuery('?proc=core-decompression&variant=multiple-drilling&step=5', { stepCount: shorterVariant })
    expect(patch.step).toBe(2)
    expect(ignored).toEqual(['step=5 (shown as 3)'])
    expect(parseViewQuery('?proc=core-decompression&step=5', { stepCount: shorterVariant }).patch.step).toBe(4)
  })
})

describe('the variant through the API', () => {
  it('accepts a variant of the procedure shown, or of the one set with it; null is the default sequence', () => {
    expect(sanitizePatch({ variant: 'phemister' }, { currentProcedure: 'bone-grafting' })).toEqual({ patch: { variant: 'phemister' }, ignored: [] })
    expect(sanitizePatch({ procedure: 'core-decompression', variant: 'multiple-drilling' }).patch).toEqual({ procedure: 'core-decompression', variant: 'multiple-drilling' })
    expect(sanitizePatch({ variant: null }, { currentProcedure: 'bone-grafting' }).patch).toEqual({ variant: null })
  })

  it('refuses a variant of another procedure, without a procedure, or that is not a name, with the same notice as a link', () => {
    expect(sanitizePatch({ variant: 'phemister' }, { currentProcedure: 'core-decompression' }).ignored).toEqual(['variant=phemister (not a variant of core-decompression)'])
    expect(sanitizePatch({ variant: 'phemister' }).ignored).toEqual(['variant=phemister (no procedure chosen)'])
    expect(sanitizePatch({ variant: 3 }, { currentProcedure: 'bone-grafting' }).ignored).toEqual(['variant (not a name)'])
  })

  it('clamps a step to the variant shown, or to the variant set in the same call', () => {
    const shown = { stepCount: shorterVariant, currentProcedure: 'core-decompression' as const, currentVariant: 'multiple-drilling' }
    expect(sanitizePatch({ step: 6 }, shown)).toEqual({ patch: { step: 2 }, ignored: ['step=6 (shown as 2)'] })
    expect(sanitizePatch({ variant: null, step: 6 }, shown).patch).toEqual({ variant: null, step: 6 })
    expect(sanitizePatch({ step: 6 }, { ...shown, currentVariant: null }).patch).toEqual({ step: 6 })
  })
})

describe('applying a treatment patch', () => {
  const open = applyPatch(DEFAULT_VIEW_STATE, { procedure: 'core-decompression', variant: 'multiple-drilling', step: 4 })

  it('another procedure starts on its default sequence at its first step', () => {
    expect(applyPatch(open, { procedure: 'bone-grafting' })).toMatchObject({ procedure: 'bone-grafting', variant: null, step: 0 })
  })

  it('another variant starts at its first step; the same variant keeps the step', () => {
    expect(applyPatch(open, { variant: null })).toMatchObject({ variant: null, step: 0 })
    expect(applyPatch(open, { variant: 'multiple-drilling' })).toMatchObject({ variant: 'multiple-drilling', step: 4 })
    expect(applyPatch(open, { variant: null, step: 6 })).toMatchObject({ variant: null, step: 6 })
  })

  it('closing clears variant and step; a step past the end is the last step', () => {
    expect(applyPatch(open, { procedure: null })).toMatchObject({ procedure: null, variant: null, step: 0 })
    expect(applyPatch(open, { step: 40 }).step).toBe(stepCountOf('core-decompression', 'multiple-drilling') - 1)
  })
})
