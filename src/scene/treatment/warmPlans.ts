/**
 * The plan worker (./planClient.ts) started once the treatment chunk is in (by
 * ./TreatmentWarmUp.tsx), in a quiet moment, and given what the plans ask first: the current
 * lesion's volume (domain/treatment/lesionTarget.ts, kept per lesion), where every hip-saving
 * plan aims. It lives in this chunk with the planner, so the lesion's geometry stays out of the
 * first download.
 */
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../domain/lesion/index.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useModelStore } from '../model/modelStore.ts'
import { inQuietMoment } from '../quietMoment.ts'
import { readyLesionInBackground } from './planClient.ts'

/** Has the worker sample the lesion's volume now and whenever the hip or the lesion's size or type changes, each in a quiet moment. Returns a stop. */
export function readyLesionVolumes(): () => void {
  let cancel: (() => void) | undefined
  const ready = () => {
    cancel?.()
    cancel = inQuietMoment(() => {
      const model = useModelStore.getState().model
      const { lesionSize: size, lesionType: type } = useViewStore.getState()
      const landmarks = model ? parseLandmarks(model.extras.landmarks) : null
      if (landmarks?.ok) readyLesionInBackground(lesionGeometry({ size, type }, lesionAnatomyOf(landmarks.value)))
    })
  }
  ready()
  const stopView = useViewStore.subscribe((s, before) => {
    if (s.lesionSize !== before.lesionSize || s.lesionType !== before.lesionType) ready()
  })
  const stopModel = useModelStore.subscribe((s, before) => {
    if (s.model !== before.model) ready()
  })
  return () => {
    cancel?.()
    stopView()
    stopModel()
  }
}
