/**
 * The step ids of every step list, without their texts: what the scene stages and draws per step
 * (./stepViews.ts, ../../state/treatmentStaging.ts) needs the id, not the words. Loaded with the
 * treatment layer and the player, not in the first download (the keys need only the counts:
 * ../procedureStepCounts.ts). A unit test keeps it equal to treatmentSteps(id, variant).
 */
import type { ProcedureId } from '../procedureIds.ts'

const CORE_DECOMPRESSION = ['position', 'arthroscopy', 'incision', 'guidewire', 'core', 'debride', 'bmac', 'fill-close']

const STEP_IDS: Readonly<Record<ProcedureId, Readonly<Record<string, readonly string[]>>>> = {
  'core-decompression': { '': CORE_DECOMPRESSION, 'multiple-drilling': ['position', 'stab-incision', 'first-pass', 'more-passes', 'close'] },
  'bone-grafting': {
    '': ['approach', 'window', 'curettage', 'pack-graft', 'close-window'],
    phemister: ['incision', 'guidewire', 'tract', 'debride', 'strut', 'close'],
  },
  'vascularised-fibula': { '': ['harvest', 'core', 'clear-pack', 'insert', 'anastomosis', 'fix'] },
  'total-hip-replacement': {
    '': ['approach', 'dislocate', 'neck-cut', 'remove-head', 'ream-acetabulum', 'cup', 'liner', 'broach-femur', 'trial', 'stem', 'head', 'reduce'],
  },
  'hip-resurfacing': {
    '': ['approach', 'dislocate', 'cup', 'guide-pin', 'sleeve-ream', 'head-cut', 'chamfer', 'peg-hole', 'clear-necrosis', 'cement', 'impact-cap', 'reduce'],
  },
}

/** The ids of a procedure's steps, in order (a variant without its own list: the default's). */
export function stepIdsOf(procedure: ProcedureId, variant: string | null): readonly string[] {
  const lists = STEP_IDS[procedure]
  return (variant !== null && Object.hasOwn(lists, variant) ? lists[variant] : lists['']) ?? []
}
