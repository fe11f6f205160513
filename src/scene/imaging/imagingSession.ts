/**
 * Everything a simulated picture of the loaded hip needs (issue 13): the renderer, the disease
 * uniforms set from their owner's functions (scene/disease/uniforms.ts) at the stage the user
 * chose, and which inputs each picture depends on. One session serves the Images panel while it
 * is open (./ImagingProbe.tsx, which makes it the live one) and a saved image (./stillImages.ts,
 * which borrows the live one or makes its own for the one capture).
 */
import type { Scene, WebGLRenderer } from 'three'
import { parseLandmarks, type HipLandmarks } from '../../domain/anatomy/landmarks.ts'
import { diseaseAnatomyOf, type DiseaseAnatomy } from '../../domain/lesion/diseaseAnatomy.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../domain/lesion/geometry.ts'
import { headMigrationMm } from '../../domain/staging/migration.ts'
import { FLUOROSCOPY_FRAME, FLUOROSCOPY_LATERAL_FRAME, IMAGE_FRAMES, mriSliceZ } from '../../domain/imaging/imageFrames.ts'
import type { PictureKind } from '../../domain/imaging/imageKinds.ts'
import { fluoroscopyMoment } from '../../domain/imaging/fluoroscopy.ts'
import type { MriWeighting } from '../../domain/imaging/mriSignal.ts'
import { frogLegRotation } from '../../domain/imaging/frogLeg.ts'
import type { ViewState } from '../../domain/viewState.ts'
import type { RenderedImage } from '../../state/imagingStore.ts'
import type { LoadedHip } from '../model/modelStore.ts'
import { applyAnatomy, applyStage, createDiseaseUniforms } from '../disease/uniforms.ts'
import { stageValue } from '../../domain/staging/stageValue.ts'
import { plannedTreatment } from '../../domain/treatment/planMemo.ts'
import { treatmentSteps } from '../../domain/treatment/steps.ts'
import { frameAt, hasTimeline } from '../../domain/treatment/timeline.ts'
import { removalTarget } from '../../domain/treatment/removalTarget.ts'
import { insideRemoval } from '../../domain/treatment/removalVolume.ts'
import { usePlayerStore } from '../../state/playerStore.ts'
import { useGeometryRevision } from '../model/geometryRevision.ts'
import { ImageRenderer, type ImagePixels, type ReadMode, type TreatmentScene } from './imageRenderer.ts'

/** What the pictures are of: the view's choices, the picture size (px per side) and the MRI weighting. */
export interface PictureInputs {
  readonly view: Pick<ViewState, 'stage' | 'lesionSize' | 'lesionType' | 'side' | 'section' | 'procedure' | 'variant' | 'step'>
  readonly size: number
  readonly weighting: MriWeighting
}

/** Which moment of a treatment's step a picture shows: its end, or the fluoroscopy's check. */
type Moment = 'end' | 'fluoroscopy'

export class ImagingSession {
  private readonly uniforms = createDiseaseUniforms()
  private readonly renderer: ImageRenderer
  private readonly anatomy: DiseaseAnatomy
  /** The disease inputs the uniforms were last set for. */
  private prepared = ''

  private constructor(
    gl: WebGLRenderer,
    model: LoadedHip,
    private readonly landmarks: HipLandmarks,
  ) {
    this.renderer = new ImageRenderer(gl, model, this.uniforms)
    this.anatomy = diseaseAnatomyOf(landmarks)
  }

  /** A session for the loaded model, or null when its landmarks cannot be read. */
  static create(gl: WebGLRenderer, model: LoadedHip): ImagingSession | null {
    const parsed = parseLandmarks(model.extras.landmarks)
    return parsed.ok ? new ImagingSession(gl, model, parsed.value) : null
  }

  /** The inputs a picture of `kind` shows, as a key: equal keys, equal pictures. */
  keyOf(kind: PictureKind, { view, size, weighting }: PictureInputs): string {
    // A treatment's step, and the bone it has taken (the model's geometry, cut by a worker: it
    // comes a little after the step), show in every picture.
    const treatment = view.procedure ? [view.procedure, view.variant, view.step, usePlayerStore.getState().skipOptional, useGeometryRevision.getState().revision] : null
    const common = [view.stage, view.lesionSize, view.lesionType, view.side, size, treatment]
    return JSON.stringify(kind === 'mri' ? [...common, this.sliceZ(view), weighting] : common)
  }

  /** The picture now, in this task (a saved image: made with the view it saves). */
  render(kind: PictureKind, inputs: PictureInputs): RenderedImage {
    return this.draw(kind, inputs, 'now')
  }

  /** The picture once the GPU has drawn it: the page does not wait for it meanwhile (the Images panel, the fluoroscopy). */
  renderLater(kind: PictureKind, inputs: PictureInputs): Promise<RenderedImage> {
    return this.draw(kind, inputs, 'later')
  }

  /** Readies the pictures' programs in quiet moments between the 3D view's frames (ImageRenderer.warm). */
  warm(view: Scene): { cancel: () => void; ready: Promise<void> } {
    return this.renderer.warm(view)
  }

  private draw<R extends ReadMode>(kind: PictureKind, inputs: PictureInputs, read: R): R extends 'now' ? RenderedImage : Promise<RenderedImage> {
    const { view, size, weighting } = inputs
    const fluoroscopy = kind === 'fluoroscopy' || kind === 'fluoroscopyLateral'
    this.prepare(view, fluoroscopy ? 'fluoroscopy' : 'end')
    // The fluoroscopy shows the moment the surgeon checks, centred on the neck: an AP image, or
    // the lateral with the draped leg turned into the frog-leg position, the instruments in the
    // bone turning with it.
    const frame = kind === 'fluoroscopy' ? FLUOROSCOPY_FRAME : kind === 'fluoroscopyLateral' ? FLUOROSCOPY_LATERAL_FRAME : IMAGE_FRAMES[kind]
    const request = { size, mirror: view.side === 'left', frame }
    const frogLeg = kind === 'frogLeg' || kind === 'fluoroscopyLateral'
    const pixels =
      kind === 'mri'
        ? this.renderer.renderMri(request, view.stage, weighting, this.sliceZ(view), read)
        : this.renderer.renderXray(request, view.stage, frogLeg ? frogLegRotation() : null, read)
    const picture = (p: ImagePixels): RenderedImage => ({ ...p, sizeMm: frame.sizeMm, stage: view.stage })
    return (pixels instanceof Promise ? pixels.then(picture) : picture(pixels as ImagePixels)) as R extends 'now' ? RenderedImage : Promise<RenderedImage>
  }

  dispose(): void {
    this.renderer.dispose()
  }

  private sliceZ(view: PictureInputs['view']): number {
    return mriSliceZ(view.section, this.anatomy.headCentre[2])
  }

  /**
   * The treatment's step as the 3D view shows it when chosen (at its end): its pieces, the
   * femur's pose, and whether the head or the socket's roof is cut away (the rule of
   * scene/visibility/treatmentRemovals.ts: a femur saw cut that takes the head's centre).
   */
  private treatmentScene(view: PictureInputs['view'], moment: Moment): TreatmentScene | null {
    const { procedure, variant } = view
    if (!procedure || !hasTimeline(procedure, variant)) return null
    const lesion = lesionGeometry({ size: view.lesionSize, type: view.lesionType }, lesionAnatomyOf(this.landmarks))
    const plan = plannedTreatment({ procedure, variant, landmarks: this.landmarks, lesion, collapseDepthMm: stageValue('collapseDepthMm', view.stage) })
    const skip = usePlayerStore.getState().skipOptional
    const steps = treatmentSteps(procedure, variant).map((s) => ({ id: s.id, skipped: skip && s.optional === true }))
    const index = Math.min(view.step, steps.length - 1)
    const t = moment === 'fluoroscopy' ? fluoroscopyMoment((at) => frameAt(plan, steps, index, at)) : 1
    const frame = frameAt(plan, steps, index, t)
    const centre = this.landmarks.femoralHead.centre
    return {
      pieces: frame.pieces,
      instruments: moment === 'fluoroscopy' ? frame.instruments : [],
      femur: frame.femur ?? null,
      headRemoved: frame.removals.some((r) => r.kind === 'planes' && removalTarget(r) === 'femur' && insideRemoval(r, centre)),
      socketReamed: frame.removals.some((r) => removalTarget(r) === 'pelvis'),
    }
  }

  private prepare(view: PictureInputs['view'], moment: Moment): void {
    const key = JSON.stringify([view.stage, view.lesionSize, view.lesionType, view.procedure, view.variant, view.step, usePlayerStore.getState().skipOptional, moment])
    if (key === this.prepared) return
    this.prepared = key
    this.renderer.setTreatment(this.treatmentScene(view, moment))
    const restJointSpace = this.landmarks.joint.jointSpaceSuperior
    applyAnatomy(this.uniforms, this.anatomy, lesionGeometry({ size: view.lesionSize, type: view.lesionType }, lesionAnatomyOf(this.landmarks)))
    applyStage(this.uniforms, view.stage, (s) => headMigrationMm(s, restJointSpace))
  }
}

/** The session the open Images panel renders with (a saved image borrows it rather than compile its own). */
let live: ImagingSession | null = null

export function setLiveImagingSession(session: ImagingSession | null): void {
  live = session
}

export function liveImagingSession(): ImagingSession | null {
  return live
}
