/**
 * The benchmark's yardstick: the least code that loads and draws the same model file with
 * plain three.js (GLTFLoader + three's bundled MeshoptDecoder), with the app's camera
 * (fov 30, anterior view fitted to the model), studio lights, tone mapping and the app's antialiasing rule,
 * rendering on demand. scripts/bench.ts compares the app against it, frame for frame.
 *
 * Hooks for the benchmark on `window.benchReference`: the time of the first frame showing
 * the model, a frame counter, renderer.info, and a replay of camera poses (recorded from the
 * app's own camera transitions) that draws one pose per animation frame, so that both pages
 * draw the same pictures. `?w=&h=` sizes the canvas in CSS pixels like the app's 3D view.
 */
import {
  ACESFilmicToneMapping,
  Box3,
  Color,
  DirectionalLight,
  HemisphereLight,
  PerspectiveCamera,
  Scene,
  Sphere,
  SRGBColorSpace,
} from 'three'
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js'
import { createViewContext, rendererFor } from '../../src/scene/three/viewContext.ts'

export interface BenchReference {
  /** performance.now() after the first render that contains the model, or null. */
  firstModelFrameAt: number | null
  ready: Promise<void>
  frames: number
  stats(): { calls: number; triangles: number; geometries: number; textures: number; programs: number; frames: number }
  /**
   * Draws the poses one per animation frame, in a loop, until called with null. Without poses
   * (null), the camera stays where it is.
   */
  replay(poses: readonly ReplayPose[] | null): void
}

/** A camera pose in the model's frame (mm), as the app's `hipExplorer.camera()` reports it. */
export interface ReplayPose {
  position: [number, number, number]
  target: [number, number, number]
  fov: number
}

declare global {
  interface Window {
    benchReference?: BenchReference
  }
}

// The app's canvas and context (one context, multisampled on a GPU only), so both draw the same
// pixels and start alike.
const made = createViewContext()
if (!made) throw new Error('no WebGL 2')
const canvas = made.canvas
canvas.id = 'view'
document.getElementById('view')!.replaceWith(canvas)
const query = new URLSearchParams(location.search)
const fixedWidth = Number(query.get('w'))
const fixedHeight = Number(query.get('h'))
if (fixedWidth > 0 && fixedHeight > 0) {
  canvas.style.width = `${fixedWidth}px`
  canvas.style.height = `${fixedHeight}px`
}
const renderer = rendererFor(made)
renderer.setPixelRatio(Math.min(Math.max(window.devicePixelRatio || 1, 1), 2))
renderer.outputColorSpace = SRGBColorSpace
renderer.toneMapping = ACESFilmicToneMapping

const scene = new Scene()
scene.background = new Color('#e6e9ed')
const camera = new PerspectiveCamera(30, 1, 5, 5000)
camera.position.set(0, 0, 600)

scene.add(new HemisphereLight('#f4f6fb', '#6f655c', 0.9))
const lights: [number, number, number, number, string][] = [
  [-320, 420, 520, 2.1, '#fff6ea'],
  [420, 80, 300, 0.7, '#e4ecff'],
  [60, 260, -520, 0.9, '#ffffff'],
]
for (const [x, y, z, intensity, color] of lights) {
  const light = new DirectionalLight(color, intensity)
  light.position.set(x, y, z)
  scene.add(light)
}

const controls = new OrbitControls(camera, canvas)
let resolveReady: () => void = () => {}
let modelLoaded = false
let poses: readonly ReplayPose[] | null = null
let nextPose = 0
let frameRequested = false

const api: BenchReference = {
  firstModelFrameAt: null,
  ready: new Promise((resolve) => (resolveReady = resolve)),
  frames: 0,
  stats: () => ({
    calls: renderer.info.render.calls,
    triangles: renderer.info.render.triangles,
    geometries: renderer.info.memory.geometries,
    textures: renderer.info.memory.textures,
    programs: renderer.info.programs?.length ?? 0,
    frames: api.frames,
  }),
  replay(list) {
    poses = list && list.length > 0 ? list : null
    nextPose = 0
    if (poses) requestFrame()
  },
}
window.benchReference = api

function resize(): void {
  const width = canvas.clientWidth
  const height = canvas.clientHeight
  renderer.setSize(width, height, false)
  camera.aspect = width / height
  camera.updateProjectionMatrix()
}

function render(): void {
  frameRequested = false
  if (poses) {
    const pose = poses[nextPose++ % poses.length]!
    camera.position.set(...pose.position)
    controls.target.set(...pose.target)
    if (camera.fov !== pose.fov) {
      camera.fov = pose.fov
      camera.updateProjectionMatrix()
    }
  }
  controls.update()
  renderer.render(scene, camera)
  api.frames++
  if (modelLoaded && api.firstModelFrameAt === null) {
    api.firstModelFrameAt = performance.now()
    resolveReady()
  }
  if (poses) requestFrame()
}

function requestFrame(): void {
  if (frameRequested) return
  frameRequested = true
  requestAnimationFrame(render)
}

controls.addEventListener('change', requestFrame)
window.addEventListener('resize', () => {
  resize()
  requestFrame()
})
resize()

const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder)
loader.load(
  `${import.meta.env.BASE_URL}models/hip.glb`,
  (gltf) => {
    scene.add(gltf.scene)
    // Anterior view, framed like the app: the bones' bounding sphere (×0.82) with a margin.
    const box = new Box3()
    for (const name of ['femur', 'hipBone']) {
      const node = gltf.scene.getObjectByName(name)
      if (node) box.expandByObject(node)
    }
    if (box.isEmpty()) box.setFromObject(gltf.scene)
    const sphere = box.getBoundingSphere(new Sphere())
    sphere.radius *= 0.82
    const vHalf = (camera.fov * Math.PI) / 360
    const hHalf = Math.atan(Math.tan(vHalf) * camera.aspect)
    const distance = (sphere.radius * 1.08) / Math.sin(Math.min(vHalf, hHalf))
    controls.target.copy(sphere.center)
    camera.position.set(sphere.center.x, sphere.center.y, sphere.center.z + distance)
    camera.lookAt(sphere.center)
    modelLoaded = true
    requestFrame()
  },
  undefined,
  (error) => console.error('reference: the model did not load', error),
)
requestFrame()
