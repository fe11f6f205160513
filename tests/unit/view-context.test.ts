/**
 * The view's canvas and context (src/scene/three/viewContext.ts): one context where software
 * draws (kept as the view's own, without multisampling), a second, multisampled one on a GPU
 * (the first released), and none without WebGL 2. Node has no DOM: canvases are stubs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createViewContext } from '../../src/scene/three/viewContext.ts'

const UNMASKED_RENDERER = 0x9246
const RENDERER = 0x1f01

interface Asked {
  canvas: number
  antialias: boolean | undefined
  caveat: boolean | undefined
}

/**
 * WebGL 2 as a browser gives it. `refused`: contexts asked for with a major performance caveat
 * are refused; `renderer`: what WEBGL_debug_renderer_info names (undefined: no such extension);
 * `none`: no WebGL 2 at all; `throws`: getContext throws.
 */
function stubBrowser({ refused = false, renderer, none = false, throws = false }: { refused?: boolean; renderer?: string; none?: boolean; throws?: boolean }) {
  const asked: Asked[] = []
  const lost: number[] = []
  let canvases = 0
  vi.stubGlobal('document', {
    createElement: () => {
      const id = canvases++
      return {
        id,
        getContext: (_kind: string, attributes: WebGLContextAttributes) => {
          asked.push({ canvas: id, antialias: attributes.antialias, caveat: attributes.failIfMajorPerformanceCaveat })
          if (throws) throw new Error('no WebGL')
          if (none || (attributes.failIfMajorPerformanceCaveat && refused)) return null
          return {
            canvas: id,
            RENDERER,
            getParameter: (p: number) => (p === UNMASKED_RENDERER ? renderer : p === RENDERER ? 'WebKit WebGL' : null),
            getExtension: (name: string) =>
              name === 'WEBGL_lose_context'
                ? { loseContext: () => void lost.push(id) }
                : name === 'WEBGL_debug_renderer_info' && renderer !== undefined
                  ? { UNMASKED_RENDERER_WEBGL: UNMASKED_RENDERER }
                  : null,
          }
        },
      }
    },
  })
  return { asked, lost }
}

const made = () => {
  const view = createViewContext()
  return view && { canvas: (view.canvas as unknown as { id: number }).id, context: (view.context as unknown as { canvas: number }).canvas, antialias: view.antialias }
}

describe('the view context', () => {
  afterEach(() => vi.unstubAllGlobals())

  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', // Chromium, measured here
    'llvmpipe (LLVM 15.0.7, 256 bits)', // Mesa
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)', // Windows without a GPU driver
  ])('a software rasteriser (%s): one context, the view\'s own, not multisampled', (renderer) => {
    const seen = stubBrowser({ renderer })
    expect(made()).toEqual({ canvas: 0, context: 0, antialias: false })
    expect(seen.asked, 'no throwaway context').toEqual([{ canvas: 0, antialias: false, caveat: true }])
    expect(seen.lost).toEqual([])
  })

  it('a browser that refuses software for its caveat (Firefox): asked again on the same canvas without it', () => {
    const seen = stubBrowser({ refused: true })
    expect(made()).toEqual({ canvas: 0, context: 0, antialias: false })
    expect(seen.asked).toEqual([
      { canvas: 0, antialias: false, caveat: true },
      { canvas: 0, antialias: false, caveat: undefined },
    ])
  })

  it.each([
    ['a GPU', 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)'],
    ['a hidden renderer (no debug extension)', undefined],
  ])('%s: a second canvas, multisampled, and the first context released', (_, renderer) => {
    const seen = stubBrowser({ renderer })
    expect(made()).toEqual({ canvas: 1, context: 1, antialias: true })
    expect(seen.asked).toEqual([
      { canvas: 0, antialias: false, caveat: true },
      { canvas: 1, antialias: true, caveat: undefined },
    ])
    expect(seen.lost).toEqual([0])
  })

  it.each([
    ['no WebGL 2', { none: true }],
    ['getContext throws', { throws: true }],
  ])('%s: none', (_, browser) => {
    stubBrowser(browser)
    expect(createViewContext()).toBeNull()
  })
})
