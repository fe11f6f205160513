/**
 * Readies the treatments' looks once the hip has been drawn (./warmPrograms.ts): their programs
 * are set up now and first used in a quiet moment (../three/programWarmUp.ts), so the first
 * treatment opened does not stop the page at each new tool, even when played at once. It fetches
 * the treatment layer's own chunk (which the first treatment opened needs anyway): no second
 * copy of the tools' materials, no change to the first download. If it cannot arrive nothing is
 * lost: each program is then set up at its first draw, as before. From the same chunk, the plans'
 * first question is readied too (./warmPlans.ts: the lesion's volume, kept per lesion).
 */
import { useEffect } from 'react'
import { useThree } from '@react-three/fiber'
import { beginWork } from '../../state/pendingWork.ts'

export function TreatmentWarmUp() {
  const gl = useThree((s) => s.gl)
  const camera = useThree((s) => s.camera)
  const scene = useThree((s) => s.scene)
  useEffect(() => {
    let live = true
    let stop: (() => void) | undefined
    let stopPlans: (() => void) | undefined
    // idle() waits for the set-up (it adds programs), not for the quiet moments after it.
    const done = beginWork('treatment looks')
    import('./TreatmentLayer.tsx')
      .then(({ warmTreatmentPrograms, readyLesionVolumes }) => {
        if (!live) return
        stop = warmTreatmentPrograms(gl, camera, scene)
        stopPlans = readyLesionVolumes()
      })
      .catch(() => {})
      .finally(done)
    return () => {
      live = false
      done()
      stop?.()
      stopPlans?.()
    }
  }, [gl, camera, scene])
  return null
}
