/**
 * Releases shader programs no material draws with once there are more than the budget
 * (./three/programSweep.ts), a second after the count last grew, and compiles what the current
 * picture needs again straight away, so the next change does not wait for it. While that runs,
 * hipExplorer.idle() waits (state/pendingWork.ts).
 */
import { useEffect, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { beginWork } from '../state/pendingWork.ts'
import { programsOverBudget, releaseUnusedPrograms } from './three/programSweep.ts'

const QUIET_MS = 1000

export default function ProgramBudget() {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  const pending = useRef<{ timer: number; done: () => void; count: number } | null>(null)
  /** A count at which a sweep found nothing to release (programs of materials outside the scene). */
  const fruitless = useRef(-1)

  useFrame(() => {
    if (!programsOverBudget(gl)) return
    const count = gl.info.programs?.length ?? 0
    const p = pending.current
    if ((p && p.count === count) || count === fruitless.current) return
    if (p) window.clearTimeout(p.timer)
    const done = p?.done ?? beginWork('shader cleanup', { shapesPicture: false })
    const timer = window.setTimeout(() => {
      pending.current = null
      if (releaseUnusedPrograms(gl, scene) === 0) {
        fruitless.current = count
        return done()
      }
      gl.compileAsync(scene, camera).then(done, done)
    }, QUIET_MS)
    pending.current = { timer, done, count }
  })

  useEffect(
    () => () => {
      if (pending.current) {
        window.clearTimeout(pending.current.timer)
        pending.current.done()
      }
    },
    [],
  )
  return null
}
