/** Applies the expert panel's render settings (background, exposure) to the live renderer. */
import { useEffect } from 'react'
import { useThree } from '@react-three/fiber'
import { Color } from 'three'
import { useRenderSettings } from '../state/renderSettings.ts'

export function SceneSettings() {
  const scene = useThree((s) => s.scene)
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)
  const background = useRenderSettings((s) => s.background)
  const exposure = useRenderSettings((s) => s.exposure)
  useEffect(() => {
    scene.background = new Color(background)
    gl.toneMappingExposure = exposure
    invalidate()
  }, [scene, gl, background, exposure, invalidate])
  return null
}
