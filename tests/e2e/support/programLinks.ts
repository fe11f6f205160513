/**
 * Shader programs the page links, by name: with software WebGL a program set up at its first
 * draw stops the page (0.2–1.4 s measured), so what the app can ready ahead
 * (src/scene/three/programWarmUp.ts) it must, and tests check that a sequence links nothing.
 * three calls the context's methods: a wrapped prototype sees every link from then on.
 */
import type { BrowserContext, Page } from 'playwright-core'

/** Starts recording (once per document; a second call keeps the record). */
export async function recordProgramLinks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __linked?: string[] }
    if (w.__linked !== undefined) return
    w.__linked = []
    const proto = WebGL2RenderingContext.prototype
    const link = proto.linkProgram
    const attach = proto.attachShader
    const source = proto.shaderSource
    const sources = new WeakMap<WebGLShader, string>()
    const shaders = new WeakMap<WebGLProgram, WebGLShader[]>()
    proto.shaderSource = function (shader, text) {
      sources.set(shader, text)
      return source.call(this, shader, text)
    }
    proto.attachShader = function (program, shader) {
      shaders.set(program, [...(shaders.get(program) ?? []), shader])
      return attach.call(this, program, shader)
    }
    proto.linkProgram = function (program) {
      const text = (shaders.get(program) ?? []).map((sh) => sources.get(sh) ?? '').join('\n')
      w.__linked!.push(`${/SHADER_NAME (.*)/.exec(text)?.[1] ?? 'unnamed'}${/#define DOUBLE_SIDED/.test(text) ? ' double-sided' : ''}${/#define OPAQUE/.test(text) ? '' : ' see-through'}${/dz[A-Z]/.test(text) ? ' diseased' : ''}`)
      return link.call(this, program)
    }
  })
}

/** Every program linked since recording began, in order (name, sidedness, see-through, diseased). */
export function programLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __linked?: string[] }).__linked ?? [])
}

/**
 * Records, from the page's first script on, every program linked and every program's first use
 * (three asks for its info log once, at a program's first use: src/scene/three/programWarmUp.ts
 * readies programs by making that first use in a quiet moment). Call before opening the page.
 */
export async function recordProgramUseFromStart(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __programs?: { linked: number; used: number; waiting: Set<WebGLProgram> } }
    const record = (w.__programs = { linked: 0, used: 0, waiting: new Set<WebGLProgram>() })
    const proto = WebGL2RenderingContext.prototype
    const link = proto.linkProgram
    const infoLog = proto.getProgramInfoLog
    proto.linkProgram = function (program) {
      record.linked++
      record.waiting.add(program)
      return link.call(this, program)
    }
    proto.getProgramInfoLog = function (program) {
      if (record.waiting.delete(program)) record.used++
      return infoLog.call(this, program)
    }
  })
}

/** Programs linked so far, and how many of them have not had their first use yet. */
export function programUse(page: Page): Promise<{ linked: number; waiting: number }> {
  return page.evaluate(() => {
    const r = (window as unknown as { __programs?: { linked: number; waiting: Set<WebGLProgram> } }).__programs
    return { linked: r?.linked ?? 0, waiting: r?.waiting.size ?? 0 }
  })
}
