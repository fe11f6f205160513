/**
 * The film's response: from the attenuation met along a ray (beyond soft tissue's, in
 * water-equivalent mm) to the grey the radiograph shows. Film darkens where X-rays get through,
 * so the more a ray is stopped the whiter the film: bone white, soft tissue dark grey, and no
 * ray is stopped by nothing (air, black) inside the body this picture frames.
 *
 *   grey = FOG + (1 - FOG) * (1 - exp(-A / A_HALF_WHITE))^GAMMA
 *
 * A design choice [Inf] tuned so that the femoral head (≈ 46 mm of cancellous bone inside a thin
 * plate) reads light grey and a cortex seen edge-on reads white, as on an AP hip film.
 * The shader (scene/imaging) is written from these constants.
 */

/** The grey of soft tissue alone: the body's shadow over the whole frame. */
export const FILM_FOG = 0.14
/** Water-equivalent mm of excess attenuation that whitens the film by 63% of its range. */
export const FILM_ATTENUATION_MM = 30
/** Film contrast (> 1 steepens the mid-greys). */
export const FILM_GAMMA = 1.25

export function filmGrey(excessMm: number): number {
  const a = Math.max(0, excessMm)
  return FILM_FOG + (1 - FILM_FOG) * Math.pow(1 - Math.exp(-a / FILM_ATTENUATION_MM), FILM_GAMMA)
}
