import { afterEach, describe, expect, it, vi } from 'vitest'

/** A document whose canvases answer getContext with `getContext` (Node has no DOM). */
function stubDocument(getContext: (kind: string, attributes?: WebGLContextAttributes) => unknown): void {
  vi.stubGlobal('document', { createElement: () => ({ getContext }) })
}

const UNMASKED_RENDERER = 0x9246
const RENDERER = 0x1f01

/**
 * WebGL 2 exists. `refused`: the browser refuses a context with a major performance caveat;
 * `renderer`: what WEBGL_debug_renderer_info names (undefined: no such extension).
 */
function stubWebgl(refused: boolean, renderer?: string): { lost: number; asked: unknown[] } {
  const seen = { lost: 0, asked: [] as unknown[] }
  stubDocument((kind, attributes) => {
    seen.asked.push([kind, attributes])
    if (attributes?.failIfMajorPerformanceCaveat && refused) return null
    return {
      RENDERER,
      getParameter: (p: number) => (p === UNMASKED_RENDERER ? renderer : p === RENDERER ? 'WebKit WebGL' : null),
      getExtension: (name: string) =>
        name === 'WEBGL_lose_context'
          ? { loseContext: () => void seen.lost++ }
          : name === 'WEBGL_debug_renderer_info' && renderer !== undefined
            ? { UNMASKED_RENDERER_WEBGL: UNMASKED_RENDERER }
            : null,
    }
  })
  return seen
}

/** A fresh copy of the module (it keeps its one probe's answer). */
async function fresh() {
  vi.resetModules()
  return import('../../src/scene/three/antialiasing.ts')
}

describe('antialiasing rule', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('multisamples on a GPU, and releases the probe context', async () => {
    const seen = stubWebgl(false, 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')
    const { wantsAntialias, rendersInSoftware } = await fresh()
    expect(wantsAntialias()).toBe(true)
    expect(rendersInSoftware()).toBe(false)
    expect(seen.asked).toEqual([['webgl2', { failIfMajorPerformanceCaveat: true }]]) // one probe, cached
    expect(seen.lost).toBe(1)
  })

  it('does not multisample in software WebGL (a context with a major performance caveat)', async () => {
    stubWebgl(true)
    const { wantsAntialias } = await fresh()
    expect(wantsAntialias()).toBe(false)
  })

  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', // Chromium, measured here
    'llvmpipe (LLVM 15.0.7, 256 bits)', // Mesa
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)', // Windows without a GPU driver
  ])('does not multisample when the renderer is a software rasteriser: %s', async (renderer) => {
    stubWebgl(false, renderer)
    const { wantsAntialias } = await fresh()
    expect(wantsAntialias()).toBe(false)
  })

  it('multisamples when the browser hides the renderer (no debug extension)', async () => {
    stubWebgl(false)
    const { wantsAntialias } = await fresh()
    expect(wantsAntialias()).toBe(true)
  })

  it('keeps antialiasing when the probe itself throws (the view finds out about WebGL on its own)', async () => {
    stubDocument(() => {
      throw new Error('no WebGL')
    })
    const { wantsAntialias } = await fresh()
    expect(wantsAntialias()).toBe(true)
  })
})
