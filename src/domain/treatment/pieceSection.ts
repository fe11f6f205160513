/**
 * Which pieces the cross-section cuts: the one rule the drawing (clipping planes on the pieces'
 * materials, src/scene/treatment/treatmentObjectSet.ts) and picking (src/scene/visibility/firstDrawn.ts)
 * both follow.
 *
 * Tissue put into the hip or taken out of it (a core still in its tunnel, graft, a strut, the
 * fibula and its vessels, marrow cells, a drilled track, the window's lid) is cut with the bone
 * it lies in: a coronal cut through the neck shows the fibula cut open in its core, not whole in
 * front of the cut face with graft chips floating before it (surgeon's review). Not cut:
 * - instruments, so a wire lying on the cutting plane keeps its near half (the cut is there to
 *   show the tool in the tunnel);
 * - implants, which a replacement's steps show whole against the cut bone;
 * - tissue set aside outside the patient (the core on its tray, the waiting fibula), which a cut
 *   through the hip would not touch.
 */
import { IMPLANT_KINDS, type Piece, type PieceKind } from './frame.ts'

/** Every piece kind but the implants and the removed head (drawn cut open from the bone itself). */
const NOT_CUT: ReadonlySet<PieceKind> = new Set<PieceKind>([...IMPLANT_KINDS, 'removed-head'])

/** Whether pieces of `kind` are tissue that is cut with the bone while they lie in it. */
export function cutWithTheBone(kind: PieceKind): boolean {
  return !NOT_CUT.has(kind)
}

/** Whether the cross-section cuts `piece` as it cuts the bone. */
export function cutBySection(piece: Pick<Piece, 'kind' | 'setAside'>): boolean {
  return cutWithTheBone(piece.kind) && piece.setAside !== true
}
