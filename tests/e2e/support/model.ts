/** What the served model file says about itself: its landmarks (the GLB's JSON chunk). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HipLandmarks } from '../../../src/domain/anatomy/landmarks.ts'
import { distDir } from './context.ts'

export function modelLandmarks(): HipLandmarks {
  const glb = readFileSync(join(distDir(), 'models', 'hip.glb'))
  const json = JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString('utf8'))
  return json.scenes[0].extras.landmarks as HipLandmarks
}
