/**
 * User Timing names for what a saved image renders and reads back in its one task (the 3D view,
 * each simulated picture): visible in the browser's performance panel, and how `npm run bench`
 * compares one picture's cost with one 3D frame's (issue 13). Each measure includes waiting for
 * the GPU: the pixels are read back before it ends.
 */
import type { PictureKind } from '../domain/imaging/imageKinds.ts'

export const STILL_VIEW_MEASURE = 'hip:still:view'

export function stillPictureMeasure(kind: PictureKind): string {
  return `hip:still:${kind}`
}

/** Runs `work` under a User Timing measure named `name`. */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now()
  try {
    return work()
  } finally {
    performance.measure(name, { start, end: performance.now() })
  }
}
