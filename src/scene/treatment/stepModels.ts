/**
 * The models a step draws (its tools, pieces and implants at every size they take), found by
 * sampling the step's timeline: a tool's size changes in passes (reamers in rising sizes), never
 * continuously, and the shortest pass lasts well over 1/STEP_SAMPLES of its step (a unit test
 * checks every treatment's steps against a far denser sampling). For building models ahead of
 * their first frame (./modelCache.ts buildModelsAhead).
 */
import type { TreatmentPlan } from '../../domain/treatment/planner.ts'
import { frameAt, type StepRef } from '../../domain/treatment/timeline.ts'
import type { TreatmentFrame } from '../../domain/treatment/frame.ts'
import { instrumentRecipe, pieceRecipe, type ModelRecipe } from './builders.ts'

/** Moments sampled in a step (the passes' sizes were all found at 32; 5, the cuts' increments, missed some). */
export const STEP_SAMPLES = 32

/** The models a frame draws: its instruments' and its pieces' (not the bone taken out: ./removedBone.ts). */
function frameRecipes(frame: Pick<TreatmentFrame, 'instruments' | 'pieces'>): ModelRecipe[] {
  return [...frame.instruments.map(instrumentRecipe), ...frame.pieces.filter((piece) => !piece.boneOut).map(pieceRecipe)]
}

/** Every model step `index` draws, once each by key. */
export function stepRecipes(plan: TreatmentPlan, steps: readonly StepRef[], index: number, samples = STEP_SAMPLES): ModelRecipe[] {
  const byKey = new Map<string, ModelRecipe>()
  for (let k = 0; k <= samples; k++) {
    for (const recipe of frameRecipes(frameAt(plan, steps, index, k / samples))) if (!byKey.has(recipe.key)) byKey.set(recipe.key, recipe)
  }
  return [...byKey.values()]
}
