/**
 * The live X-ray enlarged (a tap on the inset's picture, ./FluoroscopyInset.tsx): the same
 * picture, made again at the size it is shown so it stays sharp, with its caption, the AP /
 * lateral switch and the note that it is simulated. A modal dialog: Escape, the Close button or
 * a tap beside it closes it, and focus goes back to the picture. It follows the step: the
 * clicker's keys still step the treatment, and it goes when a step is no longer done under
 * fluoroscopy (the inset goes).
 */
import { useEffect, useRef } from 'react'
import { createPortal } from 'react-dom'
import { FLUOROSCOPY_PX, imagePixelsFor, useImagingStore } from '../../state/imagingStore.ts'
import { FluoroscopyBar, FluoroscopyField, useFluoroscopyShown } from './FluoroscopyParts.tsx'

export function FluoroscopyDialog({ onClose }: { onClose: () => void }) {
  const { title, text } = useFluoroscopyShown()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    // Made at the size its field is shown (the stylesheet sizes it; the inset's is small); back
    // to the inset's size when closed.
    const shown = dialog?.querySelector('.fluoro-field')?.getBoundingClientRect().width ?? 0
    useImagingStore.getState().setFluoroscopyPx(Math.max(FLUOROSCOPY_PX, imagePixelsFor(shown, window.devicePixelRatio)))
    return () => {
      useImagingStore.getState().setFluoroscopyPx(FLUOROSCOPY_PX)
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  return createPortal(
    <dialog
      ref={ref}
      className="fluoro-dialog"
      data-testid="fluoroscopy-dialog"
      aria-labelledby="fluoroscopy-dialog-title"
      onClose={onClose}
      onCancel={onClose}
      // A tap on the backdrop (the dialog element itself, outside its content) closes it.
      onClick={(event) => {
        if (event.target === ref.current) onClose()
      }}
    >
      <div className="fluoro-dialog-body">
        <div className="about-head">
          <h2 id="fluoroscopy-dialog-title">{title}</h2>
          <button type="button" data-testid="fluoroscopy-dialog-close" aria-label="Close" onClick={onClose}>×</button>
        </div>
        <FluoroscopyField testId="image-fluoroscopy-large" markers="fluoroscopy-large" />
        <p>{text}</p>
        <FluoroscopyBar />
      </div>
    </dialog>,
    document.body,
  )
}
