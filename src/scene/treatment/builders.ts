/**
 * Which builder draws each kind, and the sizes its shared model is keyed by: an instrument by
 * its diameter (its length is a stretch of the shaft); a piece by the sizes baked into its
 * geometry (a core's cortex band and a fibula's pedicle are millimetres, not fractions), or by
 * nothing when it is built at unit size and stretched.
 */
import type { InstrumentKind, InstrumentPose, Piece, PieceKind, Vec3 } from '../../domain/treatment/frame.ts'
import type { ObjectModel } from './objectModel.ts'
import { modelKey } from './modelCache.ts'
import { buildGuideWire } from './instruments/guideWire.ts'
import { buildTrephine } from './instruments/trephine.ts'
import { buildSteinmannPin } from './instruments/steinmannPin.ts'
import { buildExpandableReamer } from './instruments/expandableReamer.ts'
import { buildCurette } from './instruments/curette.ts'
import { buildGraftImpactor } from './instruments/graftImpactor.ts'
import { buildAspirationNeedle } from './instruments/aspirationNeedle.ts'
import { buildOscillatingSaw } from './instruments/oscillatingSaw.ts'
import { buildBoneCore } from './pieces/boneCore.ts'
import { buildCancellousGraft } from './pieces/cancellousGraft.ts'
import { buildCorticalStrut } from './pieces/corticalStrut.ts'
import { buildMarrowCells } from './pieces/marrowCells.ts'
import { buildBoneWindow } from './pieces/boneWindow.ts'
import { buildFibulaGraft } from './pieces/fibulaGraft.ts'
import { buildVascularPedicle, localPath } from './pieces/vascularPedicle.ts'
import { buildMarrowSyringe } from './instruments/marrowSyringe.ts'

const INSTRUMENT_BUILDERS: Readonly<Record<InstrumentKind, (diameter: number) => ObjectModel>> = {
  'guide-wire': buildGuideWire,
  trephine: buildTrephine,
  'steinmann-pin': buildSteinmannPin,
  'expandable-reamer': buildExpandableReamer,
  curette: buildCurette,
  'graft-impactor': buildGraftImpactor,
  'aspiration-needle': buildAspirationNeedle,
  'oscillating-saw': buildOscillatingSaw,
  'marrow-syringe': buildMarrowSyringe,
}

export interface ModelRecipe {
  readonly key: string
  readonly build: () => ObjectModel
}

export function instrumentRecipe(pose: InstrumentPose): ModelRecipe {
  const build = INSTRUMENT_BUILDERS[pose.kind]
  return { key: modelKey(pose.kind, [pose.diameter]), build: () => build(pose.diameter) }
}

/** The length of a piece (mm), from `from` to `to`. */
export function pieceLength(piece: Piece): number {
  return Math.hypot(piece.to[0] - piece.from[0], piece.to[1] - piece.from[1], piece.to[2] - piece.from[2])
}

const SIZED_PIECES: Readonly<Record<PieceKind, ((radius: number, length: number) => ObjectModel) | null>> = {
  'bone-core': buildBoneCore,
  'cancellous-graft': buildCancellousGraft,
  'fibula-graft': buildFibulaGraft,
  'cortical-strut': null,
  'marrow-cells': null,
  'bone-window': null,
  'vascular-pedicle': null,
}

const UNIT_PIECES: Readonly<Record<PieceKind, (() => ObjectModel) | null>> = {
  'bone-core': null,
  'cancellous-graft': null,
  'fibula-graft': null,
  'cortical-strut': buildCorticalStrut,
  'marrow-cells': buildMarrowCells,
  'bone-window': null,
  'vascular-pedicle': null,
}

/** A curved plate as thick as the piece is long, keyed by all its sizes (one per plan). */
function windowRecipe(piece: Piece): ModelRecipe {
  const [a, b] = piece.halfSizes ?? [0, 0]
  const thickness = Math.round(pieceLength(piece) * 10) / 10
  const bend = piece.bend ?? Infinity
  return { key: modelKey(piece.kind, [a, b, thickness, bend]), build: () => buildBoneWindow(a, b, thickness, bend) }
}

/** The graft packed into a scraped-out cavity: chips filling its ellipsoid. */
function cavityGraftRecipe(piece: Piece, radii: readonly [number, number, number]): ModelRecipe {
  const [rx, rz, ry] = radii
  return { key: modelKey(piece.kind, [rx, ry, rz, 0]), build: () => buildCancellousGraft(rx, 2 * ry, { x: rx, z: rz }) }
}

export function pieceRecipe(piece: Piece): ModelRecipe {
  if (piece.kind === 'bone-window') return windowRecipe(piece)
  if (piece.kind === 'vascular-pedicle') {
    // Keyed by its line in its own frame (to 0.1 mm): riding along with the graft keeps one model.
    const line = localPath(piece.from, piece.to, piece.path ?? [piece.to, piece.from])
    const rounded = line.map((p) => p.map((v) => Math.round(v * 10) / 10) as unknown as Vec3)
    return { key: modelKey(piece.kind, rounded.flat()), build: () => buildVascularPedicle(rounded) }
  }
  if (piece.kind === 'cancellous-graft' && piece.ellipsoid) return cavityGraftRecipe(piece, piece.ellipsoid.radii)
  const sized = SIZED_PIECES[piece.kind]
  if (sized) {
    const length = pieceLength(piece)
    // Keyed to 0.1 mm in length: a graft's tunnel is planned once, a core keeps its length.
    const rounded = Math.round(length * 10) / 10
    return { key: modelKey(piece.kind, [piece.radius, rounded]), build: () => sized(piece.radius, rounded) }
  }
  const unit = UNIT_PIECES[piece.kind]!
  return { key: modelKey(piece.kind, []), build: unit }
}
