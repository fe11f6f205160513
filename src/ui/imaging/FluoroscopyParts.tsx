/**
 * The pieces of the live X-ray that its inset (./FluoroscopyInset.tsx) and its enlarged view
 * (./FluoroscopyDialog.tsx) share: what it shows now (picture, caption, markers), the round field
 * it is drawn in, and the AP / lateral switch.
 */
import type { ReactNode } from 'react'
import { FLUOROSCOPY_VIEWS, fluoroscopyCaption, fluoroscopyMomentMarker, fluoroscopyPicture, fluoroscopyTool } from '../../domain/imaging/fluoroscopy.ts'
import { frogLegAnteriorUp } from '../../domain/imaging/frogLeg.ts'
import { stepIdsOf } from '../../domain/treatment/stepIds.ts'
import { IMAGE_NOTE_SHORT } from '../../domain/imaging/imageKinds.ts'
import { useImagingStore } from '../../state/imagingStore.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { usePictureImage } from './usePictureImage.ts'

/** Where the femur's front lies in the lateral view (the leg in the frog-leg position). */
const ANTERIOR_UP = frogLegAnteriorUp()

/** The image intensifier's round field: black outside the circle (design choice: how C-arm images look). */
function roundField(data: Uint8ClampedArray, width: number, height: number): void {
  const r = (Math.min(width, height) / 2) * 0.98
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - height / 2
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - width / 2
      if (dx * dx + dy * dy <= r * r) continue
      const i = (y * width + x) * 4
      data[i] = data[i + 1] = data[i + 2] = 0
      data[i + 3] = 255
    }
  }
}

/** What the live X-ray shows now, in words and markers: shared by the inset and its enlarged view. */
export function useFluoroscopyShown() {
  const mode = useViewStore((s) => s.mode)
  const side = useViewStore((s) => s.side)
  const view = useImagingStore((s) => s.fluoroscopyView)
  const image = useImagingStore((s) => s.pictures[fluoroscopyPicture(view)] ?? null)
  const tool = useViewStore((s) => (s.procedure ? fluoroscopyTool(s.procedure, s.variant, stepIdsOf(s.procedure, s.variant)[s.step]) : null)) ?? 'wire'
  const stage = useViewStore((s) => s.stage)
  const { title, text } = fluoroscopyCaption(mode, tool, view, stage)
  const moment = fluoroscopyMomentMarker(mode, tool)
  const alt = `Simulated live X-ray of the ${side} hip during the operation, ${view === 'ap' ? 'from the front' : `from the side, the leg turned out, the front of the femur at the ${ANTERIOR_UP ? 'top' : 'bottom'}`}${moment ? `, ${moment.toLowerCase()}` : ''}: ${text}`
  return { side, view, image, title, text, moment, alt }
}

/** The AP / lateral switch and the short note, on one row: every line under the caption costs the picture height. */
export function FluoroscopyBar() {
  const view = useImagingStore((s) => s.fluoroscopyView)
  const setView = useImagingStore((s) => s.setFluoroscopyView)
  return (
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
  )
}

/** The round picture with its side, moment and (lateral) front/back markers. */
export function FluoroscopyField({ testId, markers, children }: { testId: string; markers: string; children?: ReactNode }) {
  const { side, view, image, moment, alt } = useFluoroscopyShown()
  const { ref, shown } = usePictureImage(image, roundField)
  return (
    <div className="fluoro-field" aria-busy={shown ? undefined : true}>
      <img ref={ref} data-testid={testId} data-view={view} alt={alt} draggable={false} data-stage={shown?.stage} data-px={shown?.width} />
      <span className={`image-marker side ${side}`} aria-hidden="true">{side === 'right' ? 'R' : 'L'}</span>
      {moment && (
        <span className="image-marker moment" data-testid={`${markers}-moment`} aria-hidden="true">
          {moment}
        </span>
      )}
      {view === 'lateral' && (
        <>
          <span className={`image-marker anterior ${ANTERIOR_UP ? 'top' : 'bottom'}`} data-testid={`${markers}-anterior`} aria-hidden="true">ANT</span>
          <span className={`image-marker posterior ${ANTERIOR_UP ? 'bottom' : 'top'}`} data-testid={`${markers}-posterior`} aria-hidden="true">POST</span>
        </>
      )}
      {children}
    </div>
  )
}

