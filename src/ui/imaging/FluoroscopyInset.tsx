/**
 * The live X-ray a surgeon checks the wire and the drill on (issue 13: an AP fluoroscopy inset
 * during guide-wire and drilling steps): over the 3D view's corner while a step done under
 * fluoroscopy is shown (domain/imaging/fluoroscopy.ts), gone at every other step. The picture is
 * the scene's X-ray of the moment the surgeon checks — the instrument at its deepest — with the
 * steel drawn as metal (scene/imaging), in the round field of the image intensifier: the AP view,
 * or the lateral (the leg in the frog-leg position) at the switch's choice, as the surgeon takes
 * both. A tap on the picture shows it enlarged (./FluoroscopyDialog.tsx): in the inset it is
 * about 100 px across at 1280×720, small for a patient looking at a tablet.
 * Part of a saved image (ui/stillInsets.ts: it draws the picture).
 */
import { useState } from 'react'
import { StepInset } from '../treatment/StepInset.tsx'
import { FluoroscopyDialog } from './FluoroscopyDialog.tsx'
import { FluoroscopyBar, FluoroscopyField, useFluoroscopyShown } from './FluoroscopyParts.tsx'

export default function FluoroscopyInset() {
  const { title, text } = useFluoroscopyShown()
  const [enlarged, setEnlarged] = useState(false)
  return (
    <StepInset className="fluoro-inset" testId="fluoroscopy-inset" title={title} caption={text}>
      <FluoroscopyBar />
      <FluoroscopyField testId="image-fluoroscopy" markers="fluoroscopy">
        <button type="button" className="fluoro-enlarge" data-testid="fluoroscopy-enlarge" aria-label="Enlarge the live X-ray" aria-haspopup="dialog" onClick={() => setEnlarged(true)} />
      </FluoroscopyField>
      {enlarged && <FluoroscopyDialog onClose={() => setEnlarged(false)} />}
    </StepInset>
  )
}
