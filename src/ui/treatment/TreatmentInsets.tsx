/**
 * The pictures laid over the 3D view's corner during some treatment steps, one lazily loaded part
 * for all of them (App.tsx mounts it while a treatment is open): the fibula's donor site during
 * its harvest (./FibulaDonorInset.tsx), the live X-ray during the steps done under fluoroscopy
 * (../imaging/FluoroscopyInset.tsx). Each decides from the step whether it shows; never both.
 */
import { useTreatmentView } from '../../state/treatmentView.ts'
import FibulaDonorInset from './FibulaDonorInset.tsx'
import FluoroscopyInset from '../imaging/FluoroscopyInset.tsx'

export default function TreatmentInsets() {
  const fluoroscopy = useTreatmentView((s) => s.fluoroscopy)
  return (
    <>
      <FibulaDonorInset />
      {fluoroscopy && <FluoroscopyInset />}
    </>
  )
}
