/**
 * Keyboard and presentation-clicker control. Clickers send PageDown/PageUp (sometimes arrows or
 * B/period); those step through the disease stages, through the steps while a treatment is
 * open (./treatmentKeys.ts), or through the scenes while a tour is open (./tours/tourKeys.ts). Arrows orbit when the 3D view has focus and step, as a clicker's,
 * when nothing has focus.
 */
import { NAMED_VIEWS, DEFAULT_VIEW_STATE } from '../domain/viewState.ts'
import { requestCamera } from '../state/cameraRequests.ts'
import { useViewStore } from '../state/viewStore.ts'
import { nextStageMark } from './stageMarks.ts'
import { toggleFullscreen } from './fullscreen.ts'
import { setDrawing, useSketchStore } from '../state/sketchStore.ts'
import { useStatusStore } from '../state/statusStore.ts'
import { handleTreatmentKey, withPlayer } from './treatmentKeys.ts'
import { handleTourKey, withTourPlayer } from './tours/tourKeys.ts'

const ORBIT_STEP_DEG = 15

/** No 3D view to act on (no WebGL, or the model failed): the view's own keys do nothing. */
const noViewNow = () => {
  const { webgl, model } = useStatusStore.getState()
  return webgl === 'unavailable' || model === 'error'
}

export function typingInto(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  if (el.isContentEditable) return true
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).type !== 'checkbox' && (el as HTMLInputElement).type !== 'button'
  return false
}

/**
 * Next / previous of whatever the view walks through: the open tour's scenes, else the open
 * treatment's steps, else the stage marks. The clicker's keys and the presenter's buttons all
 * come here.
 */
export function stepThrough(direction: 1 | -1): void {
  const store = useViewStore.getState()
  if (store.tour !== null) {
    withTourPlayer((player) => player.stepBy(direction))
    return
  }
  if (store.procedure === null) {
    store.setStage(nextStageMark(store.stage, direction))
    return
  }
  withPlayer((player) => player.stepBy(direction))
}

/** Where keyboard focus is when a key reaches the page. */
export type KeyFocus = 'viewer' | 'nothing' | 'elsewhere'

/** Keys for the whole page (ignored while typing or when a control handles them itself). */
export function handleGlobalKey(event: KeyboardEvent, focus: KeyFocus): boolean {
  const viewerHasFocus = focus === 'viewer'
  if (event.altKey || event.ctrlKey || event.metaKey || typingInto(event.target)) return false
  const store = useViewStore.getState()
  if (store.tour !== null) {
    const handled = handleTourKey(event, focus)
    if (handled !== null) return handled
  }
  if (store.procedure !== null) {
    const handled = handleTreatmentKey(event, focus)
    if (handled !== null) return handled
  }
  switch (event.key) {
    case 'PageDown':
    case 'PageUp':
      stepThrough(event.key === 'PageDown' ? 1 : -1)
      return true
    case 'f':
    case 'F':
      void toggleFullscreen()
      return true
    case 'd':
    case 'D':
      // The pen (ui/sketch/SketchLayer.tsx): nothing to draw on without a 3D view.
      if (noViewNow()) return false
      setDrawing(!useSketchStore.getState().drawing)
      return true
    case 'Home':
    case 'r':
    case 'R':
      if (!viewerHasFocus && event.key === 'Home') return false
      store.setView(DEFAULT_VIEW_STATE.view ?? 'anterior')
      return true
    case '+':
    case '=':
      requestCamera({ kind: 'zoom', factor: 1.25 })
      return true
    case '-':
    case '_':
      requestCamera({ kind: 'zoom', factor: 0.8 })
      return true
  }
  const digit = Number(event.key)
  if (Number.isInteger(digit) && digit >= 1 && digit <= NAMED_VIEWS.length) {
    store.setView(NAMED_VIEWS[digit - 1]!)
    return true
  }
  if (focus === 'nothing' && !event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
    // An arrow-key clicker: next / previous stage.
    stepThrough(event.key === 'ArrowRight' ? 1 : -1)
    return true
  }
  if (!viewerHasFocus) return false
  const pan = event.shiftKey
  switch (event.key) {
    case 'ArrowLeft':
      requestCamera(pan ? { kind: 'pan', right: -0.08, up: 0 } : { kind: 'rotate', azimuthDeg: -ORBIT_STEP_DEG, polarDeg: 0 })
      return true
    case 'ArrowRight':
      requestCamera(pan ? { kind: 'pan', right: 0.08, up: 0 } : { kind: 'rotate', azimuthDeg: ORBIT_STEP_DEG, polarDeg: 0 })
      return true
    case 'ArrowUp':
      requestCamera(pan ? { kind: 'pan', right: 0, up: 0.08 } : { kind: 'rotate', azimuthDeg: 0, polarDeg: -ORBIT_STEP_DEG })
      return true
    case 'ArrowDown':
      requestCamera(pan ? { kind: 'pan', right: 0, up: -0.08 } : { kind: 'rotate', azimuthDeg: 0, polarDeg: ORBIT_STEP_DEG })
      return true
  }
  return false
}
