/**
 * Soft studio lighting made in code (no HDRI download): a warm key from the upper front-left,
 * a cool fill, a rim from behind that separates the bone from the background, and a sky/ground
 * hemisphere for soft shading in the creases. Intensities are tuned for ACES tone mapping.
 */
import { useRenderSettings } from '../state/renderSettings.ts'

export function StudioLights() {
  const key = useRenderSettings((s) => s.keyLight)
  const fill = useRenderSettings((s) => s.fillLight)
  return (
    <>
      <hemisphereLight args={['#f4f6fb', '#6f655c', 0.9]} />
      <directionalLight position={[-320, 420, 520]} intensity={2.1 * key} color="#fff6ea" />
      <directionalLight position={[420, 80, 300]} intensity={0.7 * fill} color="#e4ecff" />
      <directionalLight position={[60, 260, -520]} intensity={0.9 * fill} color="#ffffff" />
    </>
  )
}
