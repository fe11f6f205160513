/**
 * The committed public/models/hip.glb must be exactly what the generator produces now
 * (`npm run models`): regenerate in memory and compare hashes. This is the slow test of
 * the suite (≈20–40 s on two cores); it also checks the generator's own meshes, before
 * quantization, for watertightness.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import Module from 'manifold-3d'
import { buildHip } from '../../src/anatomy/buildHip.ts'
import { MODEL_PATH } from './model-loader.ts'

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

describe('model generator', () => {
  it('reproduces the committed hip.glb byte for byte, with watertight bones', { timeout: 180_000 }, async () => {
    const built = await buildHip()
    const committed = readFileSync(MODEL_PATH)
    expect(sha(built.glb), 'public/models/hip.glb is stale: run `npm run models` and commit it').toBe(sha(committed))

    const wasm = await Module()
    wasm.setup()
    for (const id of ['femur', 'hipBone', 'femurCancellous'] as const) {
      const m = built.meshes[id]
      const mesh = new wasm.Mesh({ numProp: 3, vertProperties: m.positions, triVerts: m.indices })
      mesh.merge()
      const man = new wasm.Manifold(mesh)
      expect(man.status(), id).toBe('NoError')
      expect(man.volume(), id).toBeGreaterThan(0)
      man.delete()
    }
  })
})
