/**
 * The live X-ray a surgeon checks the wire and the drill on (issue 13: an AP fluoroscopy inset
 * during guide-wire and drilling steps): over the 3D view's corner while a step done under
 * fluoroscopy is shown (domain/imaging/fluoroscopy.ts), gone at every other step. The picture is
 * the scene's X-ray of the moment the surgeon checks — the instrument at its deepest — with the
 * steel drawn as metal (scene/imaging), in the round field of the image intensifier: the AP view,
 * or the lateral (the leg in the frog-leg position) at the switch's choice, as the surgeon takes
 * both.
 * Part of a saved image (ui/stillInsets.ts: it draws the canvas).
 */
import { useEffect, useRef } from 'react'
import { FLUOROSCOPY_VIEWS, fluoroscopyCaption, fluoroscopyMomentMarker, fluoroscopyPicture, fluoroscopyTool } from '../../domain/imaging/fluoroscopy.ts'
import { frogLegAnteriorUp } from '../../domain/imaging/frogLeg.ts'
import { stepIdsOf } from '../../domain/treatment/stepIds.ts'
import { IMAGE_NOTE_SHORT } from '../../domain/imaging/imageKinds.ts'
import { useImagingStore, type RenderedImage } from '../../state/imagingStore.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { StepInset } from '../treatment/StepInset.tsx'

/** Where the femur's front lies in the lateral view (the leg in the frog-leg position). */
const ANTERIOR_UP = frogLegAnteriorUp()

/** The image intensifier's round field: black outside the circle (design choice: how C-arm images look). */
function drawField(canvas: HTMLCanvasElement, image: RenderedImage): void {
  canvas.width = image.width
  canvas.height = image.height
  const context = canvas.getContext('2d')
  if (!context) return
  context.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0)
  const r = Math.min(image.width, image.height) / 2
  context.globalCompositeOperation = 'destination-in'
  context.beginPath()
  context.arc(image.width / 2, image.height / 2, r * 0.98, 0, 2 * Math.PI)
  context.fill()
  context.globalCompositeOperation = 'destination-over'
  context.fillStyle = '#000'
  context.fillRect(0, 0, image.width, image.height)
  context.globalCompositeOperation = 'source-over'
}

export default function FluoroscopyInset() {
  const mode = useViewStore((s) => s.mode)
  const side = useViewStore((s) => s.side)
  const view = useImagingStore((s) => s.fluoroscopyView)
  const setView = useImagingStore((s) => s.setFluoroscopyView)
  const image = useImagingStore((s) => s.pictures[fluoroscopyPicture(view)] ?? null)
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (canvas.current && image) drawField(canvas.current, image)
  }, [image])
  const tool = useViewStore((s) => (s.procedure ? fluoroscopyTool(s.procedure, s.variant, stepIdsOf(s.procedure, s.variant)[s.step]) : null)) ?? 'wire'
  const { title, text } = fluoroscopyCaption(mode, tool, view)
  const moment = fluoroscopyMomentMarker(mode, tool)
  const alt = `Simulated live X-ray of the ${side} hip during the operation, ${view === 'ap' ? 'from the front' : `from the side, the leg turned out, the front of the femur at the ${ANTERIOR_UP ? 'top' : 'bottom'}`}${moment ? `, ${moment.toLowerCase()}` : ''}: ${text}`
  return (
    <StepInset className="fluoro-inset" testId="fluoroscopy-inset" title={title} caption={text}>
      {/* The view switch and the note share a row: every line under the caption costs the picture height. */}
      <div className="fluoro-bar">
        <div className="segmented small fluoro-views" role="group" aria-label="X-ray view">
          {FLUOROSCOPY_VIEWS.map((v) => (
            <button key={v} type="button" data-testid={`fluoroscopy-${v}`} aria-pressed={view === v} onClick={() => setView(v)}>
              {v === 'ap' ? 'AP' : 'Lateral'}
            </button>
          ))}
        </div>
        <span className="fluoro-note">{IMAGE_NOTE_SHORT}</span>
      </div>
      <div className="fluoro-field" aria-busy={image ? undefined : true}>
        <canvas ref={canvas} data-testid="image-fluoroscopy" data-view={view} role="img" aria-label={alt} data-stage={image?.stage} />
        <span className={`image-marker side ${side}`} aria-hidden="true">{side === 'right' ? 'R' : 'L'}</span>
        {moment && (
          <span className="image-marker moment" data-testid="fluoroscopy-moment" aria-hidden="true">
            {moment}
          </span>
        )}
        {view === 'lateral' && (
          <>
            <span className={`image-marker anterior ${ANTERIOR_UP ? 'top' : 'bottom'}`} data-testid="fluoroscopy-anterior" aria-hidden="true">ANT</span>
            <span className={`image-marker posterior ${ANTERIOR_UP ? 'bottom' : 'top'}`} data-testid="fluoroscopy-posterior" aria-hidden="true">POST</span>
          </>
        )}
      </div>
    </StepInset>
  )
}
