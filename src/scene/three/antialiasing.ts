/**
 * Whether the 3D view multisamples its edges (MSAA). On a GPU it costs little and smooths every
 * outline. In software WebGL (SwiftShader: a PC or thin client without a usable GPU, and the
 * test machines) every sample is rasterised on the CPU: with it, a frame of the diseased hip at
 * 1280×720 took about twice as long (eight view changes: 14.3 s against 7.5 s, 17.2 against 9.2,
 * 24.8 against 14.6, alternating runs on one loaded 2-core machine). There the view draws
 * without it, and a patient's thin client turns the hip twice as smoothly.
 *
 * How we know: the browser refuses a context asked for with `failIfMajorPerformanceCaveat` when
 * it would run in software (Firefox does; Chromium hands SwiftShader out anyway), or the
 * renderer names a software rasteriser. One probe, on a throwaway canvas, released at once.
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver/i

let software: boolean | undefined

export function rendersInSoftware(): boolean {
  if (software !== undefined) return software
  software = false
  try {
    const canvas = document.createElement('canvas')
    const gl = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: true })
    if (gl === null) {
      software = true
    } else {
      const info = gl.getExtension('WEBGL_debug_renderer_info')
      const renderer: unknown = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)
      software = typeof renderer === 'string' && SOFTWARE_RENDERERS.test(renderer)
      gl.getExtension('WEBGL_lose_context')?.loseContext()
    }
  } catch {
    // A browser that throws here has no WebGL 2 at all; the caller finds that out itself.
  }
  return software
}

/** The `antialias` context attribute for the 3D view (see above). */
export function wantsAntialias(): boolean {
  return !rendersInSoftware()
}
