/**
 * Checks a parsed model against what the app relies on (docs/contracts.md): a node for every
 * structure of the catalogue and valid landmarks. A file that parses but lacks them used to
 * show a plain grey hip under a caption about advanced arthritis (the disease, labels, cutaway
 * and camera framing all hang on those names and points): a silently wrong picture. Now it is
 * a model error, with the usual message and "Try again".
 */
import type { Object3D } from 'three'
import { STRUCTURE_IDS } from '../../domain/anatomy/structures.ts'
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import { ModelFileError } from './modelFile.ts'

const LISTED = 4

/** Throws a ModelFileError naming what is missing; returns quietly for a complete model. */
export function validateModel(scene: Object3D, extras: Record<string, unknown>): void {
  const names = new Set<string>()
  scene.traverse((object) => void names.add(object.name))
  const missing = STRUCTURE_IDS.filter((id) => !names.has(id))
  const problems: string[] = []
  if (missing.length > 0) {
    const listed = missing.slice(0, LISTED).join(', ') + (missing.length > LISTED ? ` and ${missing.length - LISTED} more` : '')
    problems.push(`it lacks ${missing.length} of the ${STRUCTURE_IDS.length} named parts (${listed})`)
  }
  const landmarks = parseLandmarks(extras.landmarks)
  if (!landmarks.ok) problems.push(`its landmarks are missing or invalid (${landmarks.errors[0] ?? 'unreadable'})`)
  if (problems.length > 0) {
    throw new ModelFileError(`The 3D model file is not the hip model this viewer needs: ${problems.join('; ')}.`)
  }
}
