import { useStatusStore } from '../state/statusStore.ts'

/**
 * True once the hip has been drawn, or once it is clear it will not be (no WebGL, model error):
 * secondary parts of the page load then, so they never delay the first picture.
 */
export function useAfterFirstFrame(): boolean {
  return useStatusStore((s) => s.firstModelFrame || s.webgl === 'unavailable' || s.model === 'error')
}
