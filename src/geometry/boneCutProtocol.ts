/** Messages between the scene (scene/model/boneCutClient.ts) and the geometry worker (./boneCut.worker.ts). */
import type { BoneRemoval, RemovalTarget } from '../domain/treatment/frame.ts'
import type { CutResult, PieceResult, RemovalSolid } from './cutResult.ts'
import type { SolidSource } from './solidSource.ts'

export type ToWorker =
  /**
   * One bone's solids of the loaded model (REMOVAL_SOLIDS[target]), as the file has them; sent
   * before that bone's first cut only (the pelvis never weighs on a femur-only treatment).
   * Earlier solids of the same bone are dropped.
   */
  | { readonly type: 'solids'; readonly target: RemovalTarget; readonly solids: Partial<Record<RemovalSolid, SolidSource>> }
  /** Cut that bone's solids by these removals (its own, never []); `key` = geometry/removalKey.ts. */
  | { readonly type: 'cut'; readonly target: RemovalTarget; readonly key: string; readonly removals: readonly BoneRemoval[] }
  /**
   * The femur's bone inside `removal` (the resected head), after the femur's solids; `cartilage`:
   * the head cartilage's solid with the first such request, null afterwards.
   */
  | { readonly type: 'piece'; readonly target: 'femur'; readonly key: string; readonly removal: BoneRemoval; readonly cartilage: SolidSource | null }

export type FromWorker =
  /** `ms`: time in the worker, from the request to the result (the client posts one at a time: scene/model/boneCutClient.ts). */
  | { readonly type: 'cut'; readonly key: string; readonly result: CutResult; readonly ms: number }
  | { readonly type: 'piece'; readonly key: string; readonly result: PieceResult; readonly ms: number }
  | { readonly type: 'failed'; readonly key: string; readonly reason: string }
