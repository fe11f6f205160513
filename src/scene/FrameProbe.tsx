/**
 * Counts rendered frames and notes the first one that shows the hip, which resolves the API's
 * ready() promise. Nothing is allocated per frame.
 */
import { useFrame } from '@react-three/fiber'
import { useStatusStore } from '../state/statusStore.ts'
import { countFrame } from './renderHandle.ts'
import { useModelStore } from './model/modelStore.ts'

export function FrameProbe() {
  useFrame(() => {
    countFrame()
    const status = useStatusStore.getState()
    if (!status.firstModelFrame && useModelStore.getState().model) {
      // useFrame runs just before the render of this frame; the microtask runs right after it.
      queueMicrotask(() => useStatusStore.getState().markFirstModelFrame())
    }
  })
  return null
}
