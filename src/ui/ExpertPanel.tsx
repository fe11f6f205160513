/**
 * The expert panel (leva), loaded lazily: lighting and exposure for a given screen or projector.
 * Its values are rendering preferences, not part of the link.
 */
import { useEffect } from 'react'
import { Leva, useControls } from 'leva'
import { RENDER_DEFAULTS, useRenderSettings } from '../state/renderSettings.ts'

export default function ExpertPanel() {
  const values = useControls('Rendering', {
    keyLight: { value: RENDER_DEFAULTS.keyLight, min: 0, max: 3, step: 0.05, label: 'key light' },
    fillLight: { value: RENDER_DEFAULTS.fillLight, min: 0, max: 3, step: 0.05, label: 'fill + rim' },
    exposure: { value: RENDER_DEFAULTS.exposure, min: 0.3, max: 2.5, step: 0.05 },
    background: { value: RENDER_DEFAULTS.background, label: 'background' },
  })
  useEffect(() => {
    useRenderSettings.getState().set(values)
  }, [values])
  return <Leva collapsed={false} titleBar={{ title: 'Expert settings' }} />
}
