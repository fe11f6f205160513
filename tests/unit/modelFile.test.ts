import { describe, expect, it } from 'vitest'
import { checkGlb, ModelFileError } from '../../src/scene/model/modelFile.ts'

function glbHeader(declaredLength: number, total: number, magic = 0x46546c67, version = 2): ArrayBuffer {
  const buffer = new ArrayBuffer(total)
  const view = new DataView(buffer)
  view.setUint32(0, magic, true)
  view.setUint32(4, version, true)
  view.setUint32(8, declaredLength, true)
  return buffer
}

describe('model file checks', () => {
  it('accepts a complete binary glTF', () => {
    const buffer = glbHeader(64, 64)
    expect(checkGlb(buffer)).toBe(buffer)
  })

  it('names a truncated file with its byte counts', () => {
    expect(() => checkGlb(glbHeader(1000, 400))).toThrow(/truncated: 400 of 1000 bytes/)
  })

  it('recognises a web page served in place of the model', () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body>not here</body></html>')
    expect(() => checkGlb(page.buffer)).toThrow(/not a binary glTF file \(the server sent a web page instead\)/)
  })

  it('rejects empty files, garbage and other glTF versions', () => {
    expect(() => checkGlb(new ArrayBuffer(0))).toThrow(ModelFileError)
    expect(() => checkGlb(glbHeader(64, 64, 0x12345678))).toThrow(/corrupt/)
    expect(() => checkGlb(glbHeader(64, 64, 0x46546c67, 1))).toThrow(/version \(1\)/)
  })
})
