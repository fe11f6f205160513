/**
 * Seeded property tests of the link codec and of API input (issue 10): whatever a link or a
 * setState call carries, parsing never throws, never lets an invalid value into the state, and
 * a link the app writes reads back as the very same state (one rounding rule for both ways).
 * A failure prints the seed and the shrunk counterexample; the seed is fixed so every run
 * checks the same cases.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STRUCTURE_IDS } from '../../src/domain/anatomy/structures.ts'
import { stepCountOf } from '../../src/domain/procedureStepCounts.ts'
import { PROCEDURE_IDS } from '../../src/domain/procedures.ts'
import { applyPatch, parseViewQuery, sanitizePatch, serializeViewQuery } from '../../src/domain/urlState.ts'
import { DEFAULT_VIEW_STATE, NAMED_VIEWS, type ViewState } from '../../src/domain/viewState.ts'
import { facingSection } from '../../src/domain/section.ts'
import { useViewStore, getViewState } from '../../src/state/viewStore.ts'
import { viewStateProblems } from './viewStateInvariants.ts'

const SEED = 100_10
const options = { stepCount: stepCountOf }
const run = { seed: SEED, numRuns: 1500 }

/** Plausible and hostile values for a number field. */
const number = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.integer({ min: -5, max: 12 }),
  fc.constantFrom(0, -0, 0.005, 0.015, 2.675, 1e21, -1e-7, Number.MAX_VALUE, Infinity, -Infinity, NaN),
)
const mm = fc.oneof(fc.double({ min: -600, max: 600, noNaN: true }), fc.integer({ min: -6000, max: 6000 }), fc.constantFrom(0.04, 0.05, 0.7, -0.05))
const vec = fc.tuple(mm, mm, mm)
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('constructor', '__proto__', 'toString', 'labrum,femur', '', ' ', '\u202Elabrum', '\u0000', '<b>x</b>', 'a'.repeat(700)),
)
const nested = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.constant(1), fc.array(tie('node'), { maxLength: 2 })) })).node

/** One value for any field: right type or wrong, valid or not. */
const anyValue = fc.oneof(
  number,
  hostileString,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(...NAMED_VIEWS, ...PROCEDURE_IDS, 'multiple-drilling', 'phemister', 'trapdoor', 'patient', 'clinician', 'left', 'right', 'arco', 'ficat', 'small', 'C2', 'on', 'off', 'auto', 'en', 'traumatic', 'nontraumatic'),
  fc.array(fc.oneof(fc.constantFrom(...STRUCTURE_IDS), hostileString), { maxLength: 6 }),
  fc.record({ position: vec, target: vec }),
  fc.record({ position: fc.array(mm, { maxLength: 4 }), target: fc.array(mm, { maxLength: 4 }) }),
  fc.record({ plane: fc.constantFrom('coronal', 'axial', 'sagittal', 'free', 'wobbly'), offset: number, flip: fc.boolean(), normal: vec }, { requiredKeys: ['plane'] }),
  nested,
  fc.anything(),
)
const FIELDS = Object.keys(DEFAULT_VIEW_STATE) as (keyof ViewState)[]
const fieldName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: hostileString })
const patch = fc.array(fc.tuple(fieldName, anyValue), { maxLength: 6 }).map((entries) => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
  return out
})

/** Applies a sequence of API patches as the API does (each validated against the state so far). */
function walk(patches: readonly unknown[]): ViewState[] {
  const states: ViewState[] = []
  let state = DEFAULT_VIEW_STATE
  for (const p of patches) {
    const { patch: valid } = sanitizePatch(p, { ...options, currentProcedure: state.procedure, currentVariant: state.variant })
    state = applyPatch(state, valid)
    states.push(state)
  }
  return states
}

describe('API input (setState) under random values', () => {
  it('never throws and never lets an invalid value into the state', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(patch, anyValue), { minLength: 1, maxLength: 5 }), (patches) => {
        for (const state of walk(patches)) expect(viewStateProblems(state)).toEqual([])
      }),
      run,
    )
  })

  it('names each ignored value in plain, safe text', () => {
    fc.assert(
      fc.property(patch, (p) => {
        const { ignored } = sanitizePatch(p, options)
        for (const reason of ignored) {
          expect(typeof reason).toBe('string')
          expect(reason.length).toBeLessThan(160)
          // eslint-disable-next-line no-control-regex -- no control character may be echoed
          expect(reason).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]|function|native code/)
        }
      }),
      run,
    )
  })
})

describe('links under random values', () => {
  it('parse never throws and gives only valid states', () => {
    const pair = fc.tuple(fc.constantFrom('stage', 'cam', 'cut', 'hide', 'step', 'proc', 'variant', 'view', 'fade', 'sel', 'cause', 'images', 'tour', 'scene', 'junk'), fc.oneof(hostileString, fc.constantFrom('traumatic', 'nontraumatic', 'core-decompression', 'bone-grafting', 'multiple-drilling', 'trapdoor', 'blood-supply', 'treatment-options'), number.map(String), vec.map((v) => v.join(','))))
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 6 }), (pairs) => {
        const query = new URLSearchParams(pairs).toString()
        const state = applyPatch(DEFAULT_VIEW_STATE, parseViewQuery(query, options).patch)
        expect(viewStateProblems(state)).toEqual([])
      }),
      run,
    )
  })

  it('a link the app writes reads back as the same state: parse(serialise(s)) = s', () => {
    fc.assert(
      fc.property(fc.array(patch, { minLength: 1, maxLength: 5 }), (patches) => {
        for (const state of walk(patches)) {
          const query = serializeViewQuery(state)
          const back = parseViewQuery(query, options)
          expect(back.ignored, query).toEqual([])
          expect(applyPatch(DEFAULT_VIEW_STATE, back.patch), query).toEqual(state)
        }
      }),
      run,
    )
  })

  it('so do cameras and cuts made by dragging (the store rounds like the link)', () => {
    fc.assert(
      fc.property(vec, vec, fc.boolean(), (position, target, cut) => {
        const store = useViewStore.getState()
        store.apply(DEFAULT_VIEW_STATE, { kind: 'none' })
        store.setCamera({ position, target })
        if (cut) store.setSection(facingSection(position, target))
        const state = getViewState()
        expect(viewStateProblems(state)).toEqual([])
        const query = serializeViewQuery(state)
        const back = parseViewQuery(query, options)
        expect(back.ignored, query).toEqual([])
        expect(applyPatch(DEFAULT_VIEW_STATE, back.patch), query).toEqual(state)
      }),
      run,
    )
  })
})
