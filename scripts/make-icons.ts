/**
 * Writes the app's icons (public/icons/): the installed app's PNGs (192 and 512 px, and a 512-px
 * "maskable" one whose drawing keeps inside the safe circle that launchers crop to) and the SVG
 * the page uses as its favicon. One drawing, described once (ICON below), rasterised here with
 * 4×4 samples per pixel and encoded with node's zlib: no image library, no browser.
 *
 * The drawing: the top of a femur in the app's blue square — the ball and its neck in bone
 * colour, the dead bone under the dome in the app's necrosis brown. Run: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

type Rgb = readonly [number, number, number]

const BLUE: Rgb = [0x1f, 0x5f, 0x8b]
const BONE: Rgb = [0xf1, 0xea, 0xd8]
const DEAD: Rgb = [0x9a, 0x5b, 0x3f]

/** In a unit square (y down): the ball, the neck as a quadrilateral, the dead cap above a chord of the ball. */
const ICON = {
  ball: { cx: 0.56, cy: 0.4, r: 0.24 },
  neck: [
    [0.38, 0.5],
    [0.58, 0.58],
    [0.4, 0.9],
    [0.18, 0.82],
  ] as const,
  /** The chord under the dead cap: points of the ball with n·(p − c) > d are dead. */
  cap: { nx: 0.55, ny: -0.835, d: 0.09 },
}

function insideQuad(x: number, y: number, quad: readonly (readonly [number, number])[]): boolean {
  let sign = 0
  for (let i = 0; i < quad.length; i++) {
    const [ax, ay] = quad[i]!
    const [bx, by] = quad[(i + 1) % quad.length]!
    const c = (bx - ax) * (y - ay) - (by - ay) * (x - ax)
    if (c !== 0) {
      if (sign === 0) sign = Math.sign(c)
      else if (Math.sign(c) !== sign) return false
    }
  }
  return true
}

/** Colour of the drawing at (x, y) in the unit square; `scale` shrinks it about the centre (maskable). */
function colourAt(x: number, y: number, scale: number): Rgb {
  const u = (x - 0.5) / scale + 0.5
  const v = (y - 0.5) / scale + 0.5
  const { ball, cap } = ICON
  const dx = u - ball.cx
  const dy = v - ball.cy
  if (dx * dx + dy * dy <= ball.r * ball.r) return cap.nx * dx + cap.ny * dy > cap.d ? DEAD : BONE
  if (insideQuad(u, v, ICON.neck)) return BONE
  return BLUE
}

/** Rounded-square mask of the plain icons (the maskable one is full-bleed: the launcher shapes it). */
function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0)
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0)
  return qx * qx + qy * qy <= radius * radius
}

function raster(size: number, maskable: boolean): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1))
  const n = 4
  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0 // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size
          const y = (py + (sy + 0.5) / n) / size
          if (!maskable && !insideRoundedSquare(x, y, 0.18)) continue
          const c = colourAt(x, y, maskable ? 0.72 : 1)
          r += c[0]
          g += c[1]
          b += c[2]
          a += 1
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4
      // Colour averaged over the covered samples (straight alpha), coverage as alpha.
      rows[o] = a ? Math.round(r / a) : 0
      rows[o + 1] = a ? Math.round(g / a) : 0
      rows[o + 2] = a ? Math.round(b / a) : 0
      rows[o + 3] = Math.round((255 * a) / (n * n))
    }
  }
  return png(size, rows)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(size: number, rows: Buffer): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`

function svg(): string {
  const s = 512
  const { ball, cap, neck } = ICON
  // The cap: the part of the ball beyond the chord, as the arc between the chord's two ends.
  const t = Math.sqrt(ball.r * ball.r - cap.d * cap.d)
  const [mx, my] = [ball.cx + cap.nx * cap.d, ball.cy + cap.ny * cap.d]
  const [ax, ay] = [mx - cap.ny * t, my + cap.nx * t]
  const [bx, by] = [mx + cap.ny * t, my - cap.nx * t]
  const f = (v: number) => Math.round(v * s * 10) / 10
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}">
  <rect width="${s}" height="${s}" rx="${f(0.18)}" fill="${hex(BLUE)}"/>
  <polygon points="${neck.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}" fill="${hex(BONE)}"/>
  <circle cx="${f(ball.cx)}" cy="${f(ball.cy)}" r="${f(ball.r)}" fill="${hex(BONE)}"/>
  <path d="M${f(ax)},${f(ay)} A${f(ball.r)},${f(ball.r)} 0 0 0 ${f(bx)},${f(by)} Z" fill="${hex(DEAD)}"/>
</svg>
`
}

const out = new URL('../public/icons/', import.meta.url)
mkdirSync(out, { recursive: true })
writeFileSync(new URL('icon-192.png', out), raster(192, false))
writeFileSync(new URL('icon-512.png', out), raster(512, false))
writeFileSync(new URL('icon-maskable-512.png', out), raster(512, true))
writeFileSync(new URL('icon.svg', out), svg())
console.log('wrote public/icons: icon-192.png, icon-512.png, icon-maskable-512.png, icon.svg')
