/**
 * The materials of a structure's outline (an inverted hull: the structure's own mesh drawn again,
 * back faces only, each vertex pushed out along its normal by a fixed number of screen pixels,
 * in one flat colour; only the rim that sticks out beyond the structure's silhouette shows).
 *
 * Each is derived from the structure's own material *at draw time*: its shader is whatever the
 * structure's shader is (the disease's collapse of the head, the window in the socket, the cut's
 * clipping planes), plus the push and the flat colour. So the outline follows the collapsed head
 * rather than the healthy one, is cut away with its structure and never fills the window. When
 * the structure's material changes program (the disease patches it, the cut is added, the bones
 * switch between their plain and disease programs), the outline's follows before its next draw.
 *
 * A structure drawn see-through (transparent, no depth) would show its own hull through itself:
 * for those a depth-only copy of the structure is drawn first, so the hull shows only outside it.
 */
import { BackSide, Mesh, MeshStandardMaterial, Vector2, Vector3, type BufferGeometry, type Material, type WebGLRenderer } from 'three'
import { replaceChunk } from '../three/replaceChunk.ts'

/** One ring of an outline: its width in CSS pixels and its colour ('#rrggbb', drawn as is). */
export interface OutlineRing {
  readonly widthPx: number
  readonly colour: string
}

/** Drawn after everything else (section caps use 10–25), the depth copy first, then the rings, widest first. */
export const OUTLINE_RENDER_ORDER = 100

const VERTEX_PARS = /* glsl */ `
uniform float uOutlineWidth;
uniform vec2 uOutlineViewport;
`
/**
 * At the end of the vertex shader, after the structure's own code: push the projected vertex
 * along its projected normal by uOutlineWidth device pixels (the same width at any zoom).
 */
const VERTEX_PUSH = /* glsl */ `
#include <fog_vertex>
{
  vec3 olNormal = normalize(normalMatrix * objectNormal);
  vec2 olDir = (projectionMatrix * vec4(olNormal, 0.0)).xy * uOutlineViewport;
  float olLen = length(olDir);
  if (olLen > 1e-6) gl_Position.xy += olDir / olLen * (2.0 * uOutlineWidth / uOutlineViewport) * gl_Position.w;
}
`
const FRAGMENT_PARS = /* glsl */ `
uniform vec3 uOutlineColour;
`
/** The flat colour, replacing the lit result (written after tone mapping and colour space: as given). */
const FRAGMENT_COLOUR = /* glsl */ `
#include <dithering_fragment>
gl_FragColor = vec4(uOutlineColour, 1.0);
`

/** The lighting chunks, dropped from the flat-coloured rings (the light they add stays zero). */
const UNLIT = ['#include <lights_fragment_begin>', '#include <lights_fragment_maps>', '#include <lights_fragment_end>']

/** '#rrggbb' → its sRGB components 0..1 (the output colour, not a lit albedo). */
function srgb(hex: string, out: Vector3): Vector3 {
  const n = Number.parseInt(hex.slice(1), 16)
  return out.set(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255)
}

/** The drawing buffer's size in device pixels, shared by every outline (set before each draw). */
const viewport = { value: new Vector2(1, 1) }

/**
 * A material that draws like `source` (same shader changes, same clipping), with `extend` added
 * to its shader; `variant` keeps its programs apart from the source's when `extend` changes them.
 */
function derive(source: Material, variant: string | null, extend?: (shader: { vertexShader: string; fragmentShader: string }) => void): MeshStandardMaterial {
  const material = new MeshStandardMaterial()
  // Whatever the source does to its shader, read at compile time (the disease layer swaps it).
  material.onBeforeCompile = (shader, renderer) => {
    source.onBeforeCompile(shader, renderer)
    extend?.(shader)
  }
  material.customProgramCacheKey = () => (variant ? `${variant}|${source.customProgramCacheKey()}` : source.customProgramCacheKey())
  material.vertexColors = (source as MeshStandardMaterial).vertexColors ?? false
  material.transparent = true // in the list drawn last, after every structure and cap
  return material
}

/**
 * Follows the source before each draw (three picks the program after this callback): a new
 * program when the source got one, and its clipping planes; `each` adds what a ring needs.
 */
function followSource(mesh: Mesh, source: Material, each?: (renderer: WebGLRenderer) => void): void {
  const material = mesh.material as MeshStandardMaterial
  let seen = source.version
  mesh.onBeforeRender = (renderer) => {
    if (source.version !== seen) {
      seen = source.version
      material.needsUpdate = true
    }
    material.clippingPlanes = source.clippingPlanes
    each?.(renderer)
  }
}

/** A ring of the outline of `source`'s mesh (a helper mesh sharing its geometry). */
export function createOutlineRing(geometry: BufferGeometry, source: Material, ring: OutlineRing, order: number): Mesh {
  const width = { value: ring.widthPx }
  const colour = { value: srgb(ring.colour, new Vector3()) }
  const material = derive(source, 'outline-hull', (shader) => {
    Object.assign((shader as unknown as { uniforms: Record<string, unknown> }).uniforms, { uOutlineWidth: width, uOutlineViewport: viewport, uOutlineColour: colour })
    let vertex = replaceChunk(shader.vertexShader, '#include <common>', `#include <common>\n${VERTEX_PARS}`)
    vertex = replaceChunk(vertex, '#include <fog_vertex>', VERTEX_PUSH)
    shader.vertexShader = vertex
    let fragment = replaceChunk(shader.fragmentShader, '#include <common>', `#include <common>\n${FRAGMENT_PARS}`)
    // No lighting: its result is overwritten, and software WebGL shades what it is given.
    for (const chunk of UNLIT) fragment = replaceChunk(fragment, chunk, '')
    shader.fragmentShader = replaceChunk(fragment, '#include <dithering_fragment>', FRAGMENT_COLOUR)
  })
  material.side = BackSide
  material.depthWrite = false
  // Behind surfaces that lie exactly where the hull's back faces are (the window's cut faces).
  material.polygonOffset = true
  material.polygonOffsetFactor = 1
  material.polygonOffsetUnits = 4
  const mesh = new Mesh(geometry, material)
  mesh.renderOrder = order
  // Widths are CSS pixels: the buffer size and the device pixel ratio are read before each draw.
  followSource(mesh, source, (renderer) => {
    renderer.getDrawingBufferSize(viewport.value)
    width.value = ring.widthPx * renderer.getPixelRatio()
  })
  return mesh
}

/** The depth-only copy for a see-through source (shown only while the source is transparent). */
export function createDepthCopy(geometry: BufferGeometry, source: Material, order: number): Mesh {
  const material = derive(source, null)
  material.colorWrite = false
  material.depthWrite = true
  material.side = source.side
  const mesh = new Mesh(geometry, material)
  mesh.renderOrder = order
  followSource(mesh, source)
  return mesh
}
