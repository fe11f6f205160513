/**
 * RGBA pixels as a BMP file (32 bits per pixel, rows from the top, alpha kept): the cheapest
 * format an <img> decodes that needs no compression to write (./usePictureImage.ts says why the
 * pictures are images). About 2 ms for a 512-px picture.
 */

/** File header 14 bytes, BITMAPINFOHEADER 40, then the four channel masks (BI_BITFIELDS) 16. */
const HEADER_BYTES = 14 + 40 + 16
const BI_BITFIELDS = 3

export function encodeBmp(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array<ArrayBuffer> {
  if (rgba.length !== width * height * 4) throw new Error(`encodeBmp: ${rgba.length} bytes for ${width}×${height} RGBA`)
  const size = HEADER_BYTES + rgba.length
  const out = new Uint8Array(size)
  const v = new DataView(out.buffer)
  v.setUint16(0, 0x4d42, true) // 'BM'
  v.setUint32(2, size, true)
  v.setUint32(10, HEADER_BYTES, true) // where the pixels start
  v.setUint32(14, 40 + 16, true) // the info header's size, with its masks
  v.setInt32(18, width, true)
  v.setInt32(22, -height, true) // negative: rows from the top, as RGBA rows come
  v.setUint16(26, 1, true) // planes
  v.setUint16(28, 32, true) // bits per pixel
  v.setUint32(30, BI_BITFIELDS, true)
  v.setUint32(34, rgba.length, true)
  // Masks of the little-endian 32-bit pixel written below as B, G, R, A bytes.
  v.setUint32(54, 0x00ff0000, true) // red
  v.setUint32(58, 0x0000ff00, true) // green
  v.setUint32(62, 0x000000ff, true) // blue
  v.setUint32(66, 0xff000000, true) // alpha
  for (let i = 0, o = HEADER_BYTES; i < rgba.length; i += 4, o += 4) {
    out[o] = rgba[i + 2]!
    out[o + 1] = rgba[i + 1]!
    out[o + 2] = rgba[i]!
    out[o + 3] = rgba[i + 3]!
  }
  return out
}
