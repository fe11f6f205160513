/**
 * Suspense fallback for a lazily loaded part of the 3D view: while its code is on the way, the
 * picture is not final, so it registers pending work that `hipExplorer.idle()` waits for (see
 * state/pendingWork.ts). Without it, idle() resolved as soon as the frame after a change was
 * drawn: with the cut's chunk arriving 1.5 s later, a script that set a cut, awaited idle() and
 * took a screenshot got the uncut hip.
 */
import { useEffect } from 'react'
import { beginWork } from '../state/pendingWork.ts'

export function LoadingPart({ name }: { name: string }) {
  // beginWork returns the function that ends the work: the effect's cleanup, run when the
  // part has arrived and replaces this fallback (or when it is no longer wanted).
  useEffect(() => beginWork(`loading ${name}`), [name])
  return null
}
