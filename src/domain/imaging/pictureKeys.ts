/**
 * The keyboard's way to point at a simulated picture (issue 13), as a click does: arrow keys move
 * a marker over it (ui/imaging/ImageFigure.tsx). A module of its own, used by the Images panel
 * only, so that it ships inside the panel's code.
 */
import type { PictureSpot } from './picturePoint.ts'

/** How far one arrow key moves a picture's keyboard marker: a share of the picture (Shift: the coarse step). Design choice: 50 steps across, 10 with Shift. */
export const SPOT_STEP = 0.02
export const SPOT_STEP_COARSE = 0.1

/**
 * Where an arrow key moves a picture's keyboard marker (the keyboard's way to point at a picture,
 * as a click does): `key` an arrow key's name, kept on the picture; null for any other key.
 */
export function movedSpot(spot: PictureSpot, key: string, coarse: boolean): PictureSpot | null {
  const step = coarse ? SPOT_STEP_COARSE : SPOT_STEP
  const clamp = (x: number) => Math.min(1, Math.max(0, Math.round(x / 1e-6) * 1e-6))
  switch (key) {
    case 'ArrowLeft':
      return { u: clamp(spot.u - step), v: spot.v }
    case 'ArrowRight':
      return { u: clamp(spot.u + step), v: spot.v }
    case 'ArrowUp':
      return { u: spot.u, v: clamp(spot.v - step) }
    case 'ArrowDown':
      return { u: spot.u, v: clamp(spot.v + step) }
  }
  return null
}
