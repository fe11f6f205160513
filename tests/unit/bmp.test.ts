/**
 * The pictures' BMP encoding (src/ui/imaging/bmp.ts): a header a browser reads as 32-bit
 * top-down BGRA with the four channel masks, and every pixel's bytes in that order. (The e2e
 * imaging tests read the decoded pictures back from the page.)
 */
import { describe, expect, it } from 'vitest'
import { encodeBmp } from '../../src/ui/imaging/bmp.ts'

describe('encodeBmp', () => {
  it('writes a 32-bit top-down BGRA file with its channel masks', () => {
    const rgba = new Uint8ClampedArray([10, 20, 30, 255, 40, 50, 60, 128, 1, 2, 3, 4, 5, 6, 7, 8])
    const bmp = encodeBmp(rgba, 2, 2)
    const v = new DataView(bmp.buffer)
    expect(String.fromCharCode(bmp[0]!, bmp[1]!)).toBe('BM')
    expect(v.getUint32(2, true)).toBe(bmp.length)
    expect(bmp.length).toBe(70 + 16)
    const start = v.getUint32(10, true)
    expect(start).toBe(70)
    expect(v.getInt32(18, true)).toBe(2)
    expect(v.getInt32(22, true), 'negative height: the first row is the top').toBe(-2)
    expect(v.getUint16(28, true)).toBe(32)
    expect(v.getUint32(30, true), 'BI_BITFIELDS').toBe(3)
    expect([54, 58, 62, 66].map((o) => v.getUint32(o, true))).toEqual([0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000])
    expect([...bmp.subarray(start)]).toEqual([30, 20, 10, 255, 60, 50, 40, 128, 3, 2, 1, 4, 7, 6, 5, 8])
  })

  it('refuses pixels that do not fill the size', () => {
    expect(() => encodeBmp(new Uint8ClampedArray(12), 2, 2)).toThrow(/12 bytes for 2×2/)
  })
})
