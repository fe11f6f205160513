/**
 * Hostile, broken and slow model files (issue 10): a node tree that lists its children again and
 * again, a file padded to hundreds of MB, a model without its named parts or landmarks, and a
 * download that stalls. Each is refused with a message (ModelFileError), quickly.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_NODES, readGlb } from '../../src/scene/model/glbReader.ts'
import { checkGlb, downloadModel, MAX_MODEL_BYTES, ModelFileError } from '../../src/scene/model/modelFile.ts'
import { validateModel } from '../../src/scene/model/validateModel.ts'

const committed = () => {
  const file = readFileSync('public/models/hip.glb')
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer
}

/** A binary glTF holding only a JSON chunk. */
function glbOf(json: unknown): ArrayBuffer {
  let text = JSON.stringify(json)
  while (text.length % 4) text += ' '
  const body = new TextEncoder().encode(text)
  const out = new ArrayBuffer(20 + body.byteLength)
  const view = new DataView(out)
  view.setUint32(0, 0x46546c67, true)
  view.setUint32(4, 2, true)
  view.setUint32(8, out.byteLength, true)
  view.setUint32(12, body.byteLength, true)
  view.setUint32(16, 0x4e4f534a, true)
  new Uint8Array(out, 20).set(body)
  return out
}

/** The committed model's JSON, edited by `change`, without its binary chunk (enough for node checks). */
function committedJson(): Record<string, unknown> {
  const buffer = committed()
  const length = new DataView(buffer).getUint32(12, true)
  return JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 20, length))) as Record<string, unknown>
}

describe('the glb reader’s limits', () => {
  it('refuses a node tree that lists the same children again and again, fast', async () => {
    // 12 levels of 10 children each would be 10^12 nodes: all within the depth limit.
    const nodes = Array.from({ length: 12 }, (_, i) => ({ name: `n${i}`, children: i < 11 ? Array(10).fill(i + 1) : [] }))
    const started = Date.now()
    await expect(readGlb(glbOf({ asset: { version: '2.0' }, scenes: [{ nodes: [0] }], nodes }))).rejects.toThrow(
      new RegExp(`more than ${MAX_NODES} nodes`),
    )
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('refuses a file larger than it reads, before parsing it', async () => {
    const padded = new ArrayBuffer(MAX_MODEL_BYTES + 1024)
    new Uint8Array(padded).set(new Uint8Array(committed()))
    expect(() => checkGlb(padded)).toThrow(/too large/)
    await expect(readGlb(padded)).rejects.toBeInstanceOf(ModelFileError)
  })

  it('refuses compressed data that claims a huge size', async () => {
    const json = committedJson() as { bufferViews: { extensions?: { EXT_meshopt_compression?: { count: number } } }[] }
    const view = json.bufferViews.find((v) => v.extensions?.EXT_meshopt_compression)!
    view.extensions!.EXT_meshopt_compression!.count = 2 ** 31
    const buffer = committed()
    const jsonLength = new DataView(buffer).getUint32(12, true)
    // Keep the binary chunk: rebuild the file with the edited JSON in front of it.
    const bin = new Uint8Array(buffer, 20 + jsonLength)
    const head = new Uint8Array(glbOf(json))
    const out = new Uint8Array(head.byteLength + bin.byteLength)
    out.set(head)
    out.set(bin, head.byteLength)
    new DataView(out.buffer).setUint32(8, out.byteLength, true)
    await expect(readGlb(out.buffer)).rejects.toThrow(/would decode to more than/)
  })
})

describe('model validation', () => {
  it('accepts the committed model', async () => {
    const { scene, extras } = await readGlb(committed())
    expect(() => validateModel(scene, extras)).not.toThrow()
  })

  it('names the parts a model without its named nodes lacks', async () => {
    const { scene, extras } = await readGlb(committed())
    scene.traverse((o) => {
      if (o.name === 'femur' || o.name === 'labrum') o.name = ''
    })
    expect(() => validateModel(scene, extras)).toThrow(/lacks 2 of the 20 named parts \(femur, labrum\)/)
  })

  it('refuses a model without landmarks', async () => {
    const { scene } = await readGlb(committed())
    expect(() => validateModel(scene, {})).toThrow(/landmarks are missing or invalid/)
  })
})

describe('model download', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('gives up on a download that stalls, with a message', async () => {
    let sent = false
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) controller.enqueue(new Uint8Array(100))
        sent = true
        return new Promise(() => {}) // then nothing, for ever
      },
    })
    vi.stubGlobal('fetch', async () => new Response(body, { headers: { 'content-length': '1000' } }))
    const progress: (number | null)[] = []
    await expect(downloadModel('/models/hip.glb', (f) => progress.push(f), undefined, 50)).rejects.toThrow(/stalled: nothing arrived/)
    expect(progress).toEqual([0, 0.1])
  })

  it('reports an unknown size as null (indeterminate), not as a percentage', async () => {
    const model = new Uint8Array(committed())
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(model)
        controller.close()
      },
    })
    vi.stubGlobal('fetch', async () => new Response(body, { headers: { 'content-encoding': 'gzip', 'content-length': '100' } }))
    const progress: (number | null)[] = []
    await downloadModel('/models/hip.glb', (f) => progress.push(f))
    expect(progress).toEqual([null, null, 1])
  })
})
