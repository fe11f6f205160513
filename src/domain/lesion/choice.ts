/**
 * The lesion the user chose: its size class and its JIC location type. Both are their
 * own controls, apart from the stage, because lesion size does not grow with stage
 * (clinical reference §4.3 notes).
 */
import { DEFAULT_VIEW_STATE, type LesionSize, type LesionType } from '../viewState.ts'

export interface LesionChoice {
  readonly size: LesionSize
  readonly type: LesionType
}

/** Large anterosuperior lesion, JIC C1, so the whole natural course can play out. */
export const DEFAULT_LESION: LesionChoice = {
  size: DEFAULT_VIEW_STATE.lesionSize,
  type: DEFAULT_VIEW_STATE.lesionType,
}
