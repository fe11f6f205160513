/** Messages between the scene (scene/model/boneCutClient.ts) and the geometry worker (./boneCut.worker.ts). */
import type { BoneRemoval } from '../domain/treatment/frame.ts'
import type { CutResult, RemovalSolid } from './cutResult.ts'
import type { SolidSource } from './solidSource.ts'

export type ToWorker =
  /** The femur's solids of the loaded model, as the file has them (again after a reload); earlier ones are dropped. */
  | { readonly type: 'solids'; readonly solids: Record<RemovalSolid, SolidSource> }
  /** Cut the solids by these removals (never []); `key` = geometry/removalKey.ts. */
  | { readonly type: 'cut'; readonly key: string; readonly removals: readonly BoneRemoval[] }

export type FromWorker =
  /** `ms`: time in the worker, from the request to the result (waiting included). */
  | { readonly type: 'cut'; readonly key: string; readonly result: CutResult; readonly ms: number }
  | { readonly type: 'failed'; readonly key: string; readonly reason: string }
