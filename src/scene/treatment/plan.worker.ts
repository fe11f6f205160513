/**
 * The plan worker: plans a treatment (domain/treatment/planner.ts) off the main thread. Tracing
 * a hip-saving operation's curetted cavity took 45–50 ms of the page's main thread when core
 * decompression opened (profiled, issue 11's bench: no task over 50 ms while a treatment opens
 * and plays). Protocol: ./planProtocol.ts; the page's side: ./planClient.ts.
 */
import { lesionVolume } from '../../domain/treatment/lesionTarget.ts'
import { planTreatment } from '../../domain/treatment/planner.ts'
import type { FromPlanWorker, ToPlanWorker } from './planProtocol.ts'

function reply(message: FromPlanWorker): void {
  ;(self as unknown as Worker).postMessage(message)
}

self.onmessage = (event: MessageEvent<ToPlanWorker>) => {
  const message = event.data
  if (message.type === 'lesion') {
    lesionVolume(message.lesion)
    return
  }
  try {
    const plan = planTreatment(message.input)
    reply({ type: 'plan', id: message.id, plan })
  } catch (error) {
    reply({ type: 'failed', id: message.id, reason: error instanceof Error ? error.message : String(error) })
  }
}
