/**
 * What a view state the app holds must satisfy, whatever link or API call produced it: the
 * property tests (api-fuzz.test.ts) check every state they reach against this list.
 */
import { isStructureId } from '../../src/domain/anatomy/structures.ts'
import { CUTAWAY_CHOICES } from '../../src/domain/cutaway.ts'
import { hasVariant, stepCountOf } from '../../src/domain/procedureStepCounts.ts'
import { isProcedureId } from '../../src/domain/procedures.ts'
import { SECTION_OFFSET_LIMIT, SECTION_PLANES } from '../../src/domain/section.ts'
import { isTourId, sceneCountOf } from '../../src/domain/tours/tourCatalogue.ts'
import { CAUSES, LANGS, LESION_SIZES, LESION_TYPES, MODES, NAMED_VIEWS, SIDES, STAGE_SYSTEMS, type ViewState } from '../../src/domain/viewState.ts'

// The bounds of src/domain/cameraBounds.ts, stated again: the test says what the rule is.
const TARGET_REACH_MM = 250
const MIN_VIEW_DISTANCE_MM = 10
const MAX_VIEW_DISTANCE_MM = 2000
/** Never from under the hip: at most this angle from straight above (1° of rounding slack). */
const MAX_POLAR_ANGLE_DEG = 105

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d
const inList = (list: readonly unknown[], v: unknown) => list.includes(v)
const rounded = (v: number, d: number) => Number.isFinite(v) && round(v, d) === v

/** Every broken rule, in words; empty for a valid state. */
export function viewStateProblems(s: ViewState): string[] {
  const p: string[] = []
  const check = (ok: boolean, what: string) => void (ok || p.push(what))
  check(Object.keys(s).length === 24, `fields: ${Object.keys(s).join(',')}`)
  check(rounded(s.stage, 2) && s.stage >= 0 && s.stage <= 4, `stage ${s.stage}`)
  check(inList(STAGE_SYSTEMS, s.stageSystem), 'stageSystem')
  check(inList(LESION_SIZES, s.lesionSize), 'lesionSize')
  check(inList(LESION_TYPES, s.lesionType), 'lesionType')
  check(inList(CAUSES, s.cause), 'cause')
  check(s.procedure === null || (typeof s.procedure === 'string' && isProcedureId(s.procedure)), 'procedure')
  check(s.variant === null || (s.procedure !== null && typeof s.variant === 'string' && hasVariant(s.procedure, s.variant)), `variant ${String(s.variant)}`)
  check(Number.isInteger(s.step) && s.step >= 0 && s.step < (s.procedure ? stepCountOf(s.procedure, s.variant) : 1), `step ${s.step}`)
  check(inList(MODES, s.mode), 'mode')
  check(s.view === null ? s.camera !== null : inList(NAMED_VIEWS, s.view) && s.camera === null, `view ${s.view} / camera ${JSON.stringify(s.camera)}`)
  if (s.camera) {
    const { position: c, target: t } = s.camera
    check([...c, ...t].every((v) => rounded(v, 1)) && c.length === 3 && t.length === 3, 'camera rounding')
    check(Math.hypot(...t) <= TARGET_REACH_MM + 1, 'camera target out of reach')
    const d = Math.hypot(c[0] - t[0], c[1] - t[1], c[2] - t[2])
    check(d >= MIN_VIEW_DISTANCE_MM - 1 && d <= MAX_VIEW_DISTANCE_MM + 1, `camera distance ${d}`)
    const polar = (Math.acos((c[1] - t[1]) / d) * 180) / Math.PI
    check(!(polar > MAX_POLAR_ANGLE_DEG + 1), `camera polar angle ${polar}°`)
  }
  for (const list of ['hidden', 'faded'] as const) {
    const v = s[list]
    check(Array.isArray(v) && v.every((id) => typeof id === 'string' && isStructureId(id)), `${list} names`)
    check(v.every((id, i) => i === 0 || v[i - 1]! < id), `${list} sorted and unique`)
  }
  if (s.section) {
    const { plane, offset, flip, normal } = s.section
    check(inList(SECTION_PLANES, plane), 'section plane')
    check(rounded(offset, 1) && Math.abs(offset) <= SECTION_OFFSET_LIMIT, `section offset ${offset}`)
    check(typeof flip === 'boolean', 'section flip')
    check(normal.length === 3 && normal.every((v) => rounded(v, 4)) && Math.abs(Math.hypot(...normal) - 1) <= 1e-3, 'section normal')
  }
  check(typeof s.labels === 'boolean', 'labels')
  check(s.selected === null || (typeof s.selected === 'string' && isStructureId(s.selected)), 'selected')
  check(inList(SIDES, s.side), 'side')
  check(inList(LANGS, s.lang), 'lang')
  check(typeof s.flow === 'boolean', 'flow')
  check(inList(CUTAWAY_CHOICES, s.cutaway), 'cutaway')
  check(typeof s.present === 'boolean', 'present')
  check(typeof s.images === 'boolean', 'images')
  check(s.tour === null || (typeof s.tour === 'string' && isTourId(s.tour)), `tour ${String(s.tour)}`)
  check(Number.isInteger(s.scene) && s.scene >= 0 && s.scene < (s.tour ? sceneCountOf(s.tour) : 1), `scene ${s.scene}`)
  return p
}
