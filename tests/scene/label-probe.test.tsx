/**
 * The labels' probe (scene/labels/LabelProbe.tsx) asks the disease where the bone is drawn: an
 * anchor on the femur follows the drawn bone (a collapsed head sinks it), and what hides a label
 * is checked again when the disease's drawing changes, not only when the camera moves. A freshly
 * opened link at stage IV once showed a different set of labels from one load to the next: the
 * first occlusion check ran before the disease layer had published its drawing, and nothing
 * asked again.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import LabelProbe from '../../src/scene/labels/LabelProbe.tsx'
import { HipModel } from '../../src/scene/HipModel.tsx'
import { useModelStore, type LoadedHip } from '../../src/scene/model/modelStore.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { onLabelPositions, type LabelPosition } from '../../src/state/labelChannel.ts'
import { publishDiseaseDrawing, type DiseaseDrawing } from '../../src/scene/visibility/diseaseDrawing.ts'
import { DEFAULT_VIEW_STATE, type Vec3 } from '../../src/domain/viewState.ts'
import { loadModel } from '../unit/model-loader.ts'
import { generatedHip } from './support/generatedHip.ts'

let model: LoadedHip
beforeAll(async () => {
  model = generatedHip(await loadModel())
}, 120_000)
afterAll(() => publishDiseaseDrawing(null))

/** A drawing that draws nothing differently, save where `drawnFemurPoint` puts the femur's points. */
function drawing(drawnFemurPoint: (p: Vec3) => Vec3, stage: number): DiseaseDrawing {
  return { surfaceDropped: () => false, cutFace: () => 'own', drawnFemurPoint, displayedStage: () => stage }
}

let renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>> | null = null
let last: readonly LabelPosition[] = []
let stop = () => {}
const frame = () => ReactThreeTestRenderer.act(async () => renderer!.advanceFrames(1, 1 / 30))
/** Past the probe's occlusion interval (120 ms), so the next frame may check again. */
const later = () => new Promise((resolve) => setTimeout(resolve, 150))
const neck = () => last.find((p) => p.id === 'femoralNeck')!

beforeEach(() => {
  // The probe asks for one more frame through window's timers (Node has the same functions).
  vi.stubGlobal('window', { setTimeout, clearTimeout })
  useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE, flow: false, labels: true, mode: 'clinician' }, { kind: 'none' })
  useModelStore.setState({ model })
  stop = onLabelPositions((positions) => {
    last = positions.map((p) => ({ ...p }))
  })
})
afterEach(async () => {
  stop()
  publishDiseaseDrawing(null)
  await renderer?.unmount()
  renderer = null
  vi.unstubAllGlobals()
})

describe('the labels follow the drawn bone', () => {
  it('checks again what hides a label when the disease drawing changes, with the camera still', async () => {
    // A camera in front of the hip (model mm; the head centre is the origin), looking down -z at it.
    renderer = await ReactThreeTestRenderer.create(
      <>
        <HipModel />
        <LabelProbe />
      </>,
      { camera: { position: [0, 0, 400], far: 2000 } },
    )
    await frame()
    await later()
    await frame()
    expect(neck().visible, 'the neck seen from the front').toBe(true)
    const before = { x: neck().x, y: neck().y }
    // The disease now draws the femur's points at the head's centre, inside the head: hidden.
    publishDiseaseDrawing(drawing(() => [0, 0, 0], 4))
    await later()
    await frame()
    await later()
    await frame()
    expect(neck().visible, 'the neck drawn inside the head').toBe(false)
    // The anchor itself moved to where the drawing puts it.
    expect(Math.hypot(neck().x - before.x, neck().y - before.y)).toBeGreaterThan(0)
  })
})
