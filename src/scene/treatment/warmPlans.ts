/**
 * What the plans ask first, readied in a quiet moment once the treatment chunk is in (started by
 * ./TreatmentWarmUp.tsx): the current lesion's volume (domain/treatment/lesionTarget.ts, kept per
 * lesion), where every hip-saving plan aims. Sampling it when a treatment opened was 14 ms of
 * that opening's 60–90 ms stop of the page (profiled). It lives in this chunk with the planner,
 * so the lesion's geometry stays out of the first download.
 */
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../domain/lesion/index.ts'
import { lesionVolume } from '../../domain/treatment/lesionTarget.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useModelStore } from '../model/modelStore.ts'
import { inQuietMoment } from '../quietMoment.ts'

/** Samples the lesion's volume now and whenever the hip or the lesion's size or type changes, each in a quiet moment. Returns a stop. */
export function readyLesionVolumes(): () => void {
  let cancel: (() => void) | undefined
  const ready = () => {
    cancel?.()
    cancel = inQuietMoment(() => {
      const model = useModelStore.getState().model
      const { lesionSize: size, lesionType: type } = useViewStore.getState()
      const landmarks = model ? parseLandmarks(model.extras.landmarks) : null
      if (landmarks?.ok) lesionVolume(lesionGeometry({ size, type }, lesionAnatomyOf(landmarks.value)))
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
