/**
 * The geometry worker: runs the bone subtraction (./boneCutJob.ts) off the main thread, so a
 * treatment's step never freezes the page. manifold-3d's WebAssembly comes from our own origin
 * (vite emits it as an asset; the CSP allows 'wasm-unsafe-eval'). Protocol: ./boneCutProtocol.ts.
 * One job per bone (femur, pelvis), each loaded when its solids first arrive.
 */
import Module from 'manifold-3d'
import wasmUrl from 'manifold-3d/manifold.wasm?url'
import type { RemovalTarget } from '../domain/treatment/frame.ts'
import { BoneCutJob } from './boneCutJob.ts'
import { cutBuffers, pieceBuffers } from './cutResult.ts'
import { withHierarchies } from './partHierarchy.ts'
import type { ToWorker, FromWorker } from './boneCutProtocol.ts'

const jobs = new Map<RemovalTarget, Promise<BoneCutJob>>()
const wasm = Module({ locateFile: () => wasmUrl }).then((m) => {
  m.setup()
  return m
})

function reply(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  ;(self as unknown as Worker).postMessage(message, transfer)
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data
  if (message.type === 'solids') {
    void jobs.get(message.target)?.then((j) => j.dispose())
    jobs.set(
      message.target,
      wasm.then((m) => new BoneCutJob(m, message.target, message.solids)),
    )
    return
  }
  const started = performance.now()
  const current = jobs.get(message.target)
  if (!current) {
    reply({ type: 'failed', key: message.key, reason: `no ${message.target} solids were given` })
    return
  }
  current
    .then((j) => {
      if (message.type === 'piece') {
        const result = j.piece(message.removal, message.cartilage)
        reply({ type: 'piece', key: message.key, result, ms: performance.now() - started }, pieceBuffers(result))
        return
      }
      const result = withHierarchies(j.cut(message.removals))
      reply({ type: 'cut', key: message.key, result, ms: performance.now() - started }, cutBuffers(result))
    })
    .catch((error: unknown) => reply({ type: 'failed', key: message.key, reason: error instanceof Error ? error.message : String(error) }))
}
