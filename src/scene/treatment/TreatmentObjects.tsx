/**
 * Draws a treatment frame's instruments and pieces in the model frame (mount it where the hip's
 * model frame is, inside the group that mirrors a left hip). New poses move the drawn objects in
 * place; geometry is built only when an object appears or changes size, and given back when it
 * goes (./treatmentObjectSet.ts). Nothing here keeps React state: a parent that plays a step can
 * pass new poses every frame, or drive a TreatmentObjectSet itself from useFrame.
 *
 * Not clipped by the cross-section: the cut opens the bone so the tunnel shows, and the tool or
 * graft in it is what the cut is for. Clipped, a wire on the cutting plane would lose its near
 * half and show its hollow inside (tools have no section caps).
 */
import { useEffect, useLayoutEffect, useMemo } from 'react'
import { useThree } from '@react-three/fiber'
import type { InstrumentPose, Piece } from '../../domain/treatment/frame.ts'
import { TreatmentObjectSet } from './treatmentObjectSet.ts'

export interface TreatmentObjectsProps {
  /** The frame's instruments, each drawn at its pose. */
  readonly instruments: readonly InstrumentPose[]
  /** The frame's grafts, cores and cells. */
  readonly pieces: readonly Piece[]
}

export function TreatmentObjects({ instruments, pieces }: TreatmentObjectsProps) {
  const set = useMemo(() => new TreatmentObjectSet(), [])
  const invalidate = useThree((s) => s.invalidate)
  useLayoutEffect(() => {
    // A parent that rebuilds equal arrays on every render asks for no frame: idle stays idle.
    if (set.sync(instruments, pieces)) invalidate()
  }, [set, instruments, pieces, invalidate])
  useEffect(() => () => set.dispose(), [set])
  return <primitive object={set.root} />
}
