/**
 * The lesion is placed in the model's own hip: the anatomy the domain uses when the model is not
 * at hand (captions) must be exactly what the committed model's landmarks give.
 */
import { describe, expect, it } from 'vitest'
import { parseLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { DEFAULT_LESION_ANATOMY, lesionAnatomyOf } from '../../src/domain/lesion/index.ts'
import { loadModel } from './model-loader.ts'

describe('the anatomy the lesion is placed in', () => {
  it('equals what the committed model’s landmarks give', async () => {
    const model = await loadModel()
    const parsed = parseLandmarks(model.sceneExtras.landmarks)
    if (!parsed.ok) throw new Error(parsed.errors.join('; '))
    expect(lesionAnatomyOf(parsed.value)).toEqual(DEFAULT_LESION_ANATOMY)
  })
})
