/** One shared manifold-3d WASM instance for the whole build (it takes ~100 ms to start). */
import Module from 'manifold-3d'

type ManifoldToplevel = Awaited<ReturnType<typeof Module>>
let instance: Promise<ManifoldToplevel> | null = null

export function manifoldModule(): Promise<ManifoldToplevel> {
  instance ??= Module().then((m) => {
    m.setup()
    return m
  })
  return instance
}
export type { ManifoldToplevel }
