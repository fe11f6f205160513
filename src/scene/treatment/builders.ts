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
import { buildCancellousGraft, buildCavityGraft, cavityGraftSlices } from './pieces/cancellousGraft.ts'
import { radialInFrame, type RadialSolid } from '../../domain/treatment/radialSolid.ts'
import { cross, dot, madd, normalise, sub } from '../../domain/vec3.ts'
import { buildCorticalStrut } from './pieces/corticalStrut.ts'
import { buildMarrowCavity, buildMarrowCells } from './pieces/marrowCells.ts'
import { buildDrillTrack } from './pieces/drillTrack.ts'
import { buildBoneWindow } from './pieces/boneWindow.ts'
import { buildFibulaGraft } from './pieces/fibulaGraft.ts'
import { buildVascularPedicle, localPath } from './pieces/vascularPedicle.ts'
import { buildMarrowSyringe } from './instruments/marrowSyringe.ts'
import { acetabularReamerSlices, buildAcetabularReamer } from './instruments/acetabularReamer.ts'
import type { Slices } from './slices.ts'
import { broachSlices, buildBroach } from './instruments/broach.ts'
import { buildTrialHead, trialHeadSlices } from './instruments/trialHead.ts'
import { buildCupImpactor } from './instruments/cupImpactor.ts'
import { IMPLANT_KINDS } from '../../domain/treatment/frame.ts'
import { implantSizes, type ImplantSpec } from '../../domain/treatment/replacement/implantSpec.ts'
import { acetabularShellSlices, buildAcetabularShell } from './implants/acetabularShell.ts'
import { buildAcetabularLiner } from './implants/acetabularLiner.ts'
import { buildProstheticHead } from './implants/prostheticHead.ts'
import { buildFemoralStem, femoralStemSlices } from './implants/femoralStem.ts'
import { buildBoneCement, buildCementFill, buildResurfacingCap } from './implants/resurfacingCap.ts'
import { buildResurfacingCup } from './implants/resurfacingCup.ts'
import { buildDomeScrew } from './implants/domeScrew.ts'
import { buildSleeveReamer } from './instruments/sleeveReamer.ts'
import { buildHeadCutter } from './instruments/headCutter.ts'
import { buildChamferReamer } from './instruments/chamferReamer.ts'
import { buildPegDrill } from './instruments/pegDrill.ts'
import { buildHeadImpactor } from './instruments/headImpactor.ts'
import { buildBoxChisel } from './instruments/boxChisel.ts'
import { buildCanalFinder } from './instruments/canalFinder.ts'

const INSTRUMENT_BUILDERS: Readonly<Record<Exclude<InstrumentKind, 'broach' | 'trial-head'>, (diameter: number) => ObjectModel>> = {
  'guide-wire': buildGuideWire,
  trephine: buildTrephine,
  'steinmann-pin': buildSteinmannPin,
  'expandable-reamer': buildExpandableReamer,
  curette: buildCurette,
  'graft-impactor': buildGraftImpactor,
  'aspiration-needle': buildAspirationNeedle,
  'oscillating-saw': buildOscillatingSaw,
  'marrow-syringe': buildMarrowSyringe,
  'acetabular-reamer': buildAcetabularReamer,
  'cup-impactor': buildCupImpactor,
  'sleeve-reamer': buildSleeveReamer,
  'head-cutter': buildHeadCutter,
  'chamfer-reamer': buildChamferReamer,
  'peg-drill': buildPegDrill,
  'head-impactor': buildHeadImpactor,
  'box-chisel': buildBoxChisel,
  'canal-finder': buildCanalFinder,
}

/** Instruments whose build is long enough to be made ahead in slices (./slices.ts): the same model as their builder's. */
const INSTRUMENT_SLICES: Partial<Record<InstrumentKind, (diameter: number) => Slices<ObjectModel>>> = {
  'acetabular-reamer': acetabularReamerSlices,
}

export interface ModelRecipe {
  readonly key: string
  readonly build: () => ObjectModel
  /** The same build in slices (./slices.ts), for a long one made ahead in quiet moments. */
  readonly slices?: () => Slices<ObjectModel>
}

export function instrumentRecipe(pose: InstrumentPose): ModelRecipe {
  if (pose.kind === 'broach') {
    // A broach's shape is a stem size, not a diameter.
    const spec = pose.broach
    if (!spec) throw new Error('a broach pose needs its stem size (`broach`)')
    return { key: modelKey('broach', implantSizes({ kind: 'stem', stem: spec })), build: () => buildBroach(spec), slices: () => broachSlices(spec) }
  }
  if (pose.kind === 'trial-head') {
    // On the seated broach: its stem size, the head's diameter and neck length.
    const { broach: spec, trial } = pose
    if (!spec || !trial) throw new Error('a trial head pose needs its broach size (`broach`) and head (`trial`)')
    const sizes = [...implantSizes({ kind: 'stem', stem: spec }), trial.headDiameter, trial.neckLength]
    return { key: modelKey('trial-head', sizes), build: () => buildTrialHead(spec, trial.headDiameter, trial.neckLength), slices: () => trialHeadSlices(spec, trial.headDiameter, trial.neckLength) }
  }
  const build = INSTRUMENT_BUILDERS[pose.kind]
  const sliced = INSTRUMENT_SLICES[pose.kind]
  return { key: modelKey(pose.kind, [pose.diameter]), build: () => build(pose.diameter), ...(sliced && { slices: () => sliced(pose.diameter) }) }
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
  'drill-track': null,
  'bone-window': null,
  'vascular-pedicle': null,
  // Drawn from the loaded model's own bone, not built here (./removedBone.ts).
  'removed-head': null,
  ...implantsAs(null),
}

const UNIT_PIECES: Readonly<Record<PieceKind, (() => ObjectModel) | null>> = {
  'bone-core': null,
  'cancellous-graft': null,
  'fibula-graft': null,
  'cortical-strut': buildCorticalStrut,
  'marrow-cells': buildMarrowCells,
  'drill-track': buildDrillTrack,
  'bone-window': null,
  'vascular-pedicle': null,
  // Drawn from the loaded model's own bone, not built here (./removedBone.ts).
  'removed-head': null,
  ...implantsAs(null),
}

/** A curved plate as thick as the piece is long, keyed by all its sizes (one per plan). */
function windowRecipe(piece: Piece): ModelRecipe {
  const [a, b] = piece.halfSizes ?? [0, 0]
  const thickness = Math.round(pieceLength(piece) * 10) / 10
  const bend = piece.bend ?? Infinity
  const rise = Math.round((piece.rise ?? 0) * 100) / 100
  return { key: modelKey(piece.kind, [a, b, thickness, bend, rise]), build: () => buildBoneWindow(a, b, thickness, bend, rise) }
}

/** The graft packed into a scraped-out cavity: chips filling its ellipsoid. */
function cavityGraftRecipe(piece: Piece, radii: readonly [number, number, number]): ModelRecipe {
  const [rx, rz, ry] = radii
  return { key: modelKey(piece.kind, [rx, ry, rz, 0]), build: () => buildCancellousGraft(rx, 2 * ry, { x: rx, z: rz }) }
}

/** The frame a cavity's piece is drawn in: origin `to`, +Y toward it from `from`, +X `across` (made square to +Y). */
function pieceFrame(piece: Piece, solid: RadialSolid): { x: Vec3; y: Vec3; z: Vec3 } {
  const y = normalise(sub(piece.to, piece.from))
  const across = piece.across ?? solid.axes[0]
  const x = normalise(madd(across, y, -dot(across, y)))
  return { x, y, z: cross(x, y) }
}

/** A cavity's solid in its piece's frame, and a point's coordinates in that frame. */
function solidInPieceFrame(piece: Piece, solid: RadialSolid): { local: RadialSolid; inFrame: (p: Vec3) => Vec3 } {
  const { x, y, z } = pieceFrame(piece, solid)
  const inFrame = (p: Vec3): Vec3 => {
    const d = sub(p, piece.to)
    return [dot(d, x), dot(d, y), dot(d, z)]
  }
  return { local: radialInFrame(solid, piece.to, x, y, z), inFrame }
}

/**
 * A cavity model's key: the plan's solid (to 0.01 mm, written once per solid object) and the
 * piece's frame (its origin to 0.01 mm, its axes to 10⁻⁴), which together fix the solid in that
 * frame. Keying the solid as moved into the frame wrote its 1 100 reaches again for every moment
 * a step's models were sampled at: 50 ms of a core decompression's step change.
 */
function cavityKey(kind: string, piece: Piece, solid: RadialSolid, more: readonly number[]): string {
  const { x, y } = pieceFrame(piece, solid)
  return `${modelKey(kind, [...piece.to, ...y.map((v) => v * 100), ...x.map((v) => v * 100), ...more])}|${solidIdentity(solid)}`
}

const solidIdentities = new WeakMap<RadialSolid, string>()

function solidIdentity(solid: RadialSolid): string {
  let key = solidIdentities.get(solid)
  if (key === undefined) {
    key = modelKey('solid', [...solid.centre, ...solid.axes.flat(), ...solid.reach])
    solidIdentities.set(solid, key)
  }
  return key
}

function marrowCavityRecipe(piece: Piece, solid: RadialSolid): ModelRecipe {
  return { key: cavityKey('marrow-cavity', piece, solid, []), build: () => buildMarrowCavity(solidInPieceFrame(piece, solid).local) }
}

/**
 * The graft packed into a cavity that follows the lesion: chips filling its solid, written in the
 * piece's own frame (placeObject: origin at `to`, +Y toward `to` from `from`, +X along `across`).
 */
function lesionCavityGraftRecipe(piece: Piece, solid: RadialSolid): ModelRecipe {
  const length = pieceLength(piece)
  const keepOutNumbers = piece.keepOut ? [...piece.keepOut.from, ...piece.keepOut.to, piece.keepOut.radius] : []
  const inPieceFrame = (): Parameters<typeof buildCavityGraft> => {
    const { local, inFrame } = solidInPieceFrame(piece, solid)
    const keepOut = piece.keepOut ? { from: inFrame(piece.keepOut.from), to: inFrame(piece.keepOut.to), radius: piece.keepOut.radius } : undefined
    return [local, length, keepOut]
  }
  return {
    key: cavityKey(piece.kind, piece, solid, [length, ...keepOutNumbers]),
    build: () => buildCavityGraft(...inPieceFrame()),
    // Made ahead in slices: its layout and baking are long.
    slices: () => cavityGraftSlices(...inPieceFrame()),
  }
}

function implantsAs<T>(value: T): Record<(typeof IMPLANT_KINDS)[number], T> {
  return Object.fromEntries(IMPLANT_KINDS.map((kind) => [kind, value])) as Record<(typeof IMPLANT_KINDS)[number], T>
}

/** Implants are built from their planned spec; a piece of an implant kind without one is a planning error. */
function implantModel(kind: PieceKind, spec: ImplantSpec): ObjectModel {
  switch (kind) {
    case 'acetabular-shell':
      if (spec.kind === 'cup') return buildAcetabularShell(spec.outerDiameter, spec.innerDiameter, spec.screwHoles)
      break
    case 'resurfacing-cup':
      if (spec.kind === 'cup') return buildResurfacingCup(spec.outerDiameter, spec.innerDiameter)
      break
    case 'acetabular-liner':
      if (spec.kind === 'liner') return buildAcetabularLiner(spec.outerDiameter, spec.innerDiameter)
      break
    case 'prosthetic-head':
      if (spec.kind === 'head') return buildProstheticHead(spec.diameter, spec.neckLength, spec.material)
      break
    case 'femoral-stem':
      if (spec.kind === 'stem') return buildFemoralStem(spec.stem)
      break
    case 'resurfacing-cap':
      if (spec.kind === 'cap') return buildResurfacingCap(spec.cap)
      break
    case 'bone-cement':
      if (spec.kind === 'cap') return buildBoneCement(spec.cap)
      if (spec.kind === 'cap-fill') return buildCementFill(spec.cap)
      break
    case 'dome-screw':
      if (spec.kind === 'screw') return buildDomeScrew(spec.diameter, spec.length)
      break
  }
  throw new Error(`a ${kind} cannot be built from a '${spec.kind}' spec`)
}

const isImplant = (kind: PieceKind): boolean => (IMPLANT_KINDS as readonly PieceKind[]).includes(kind)

export function pieceRecipe(piece: Piece): ModelRecipe {
  if (piece.boneOut) throw new Error(`a ${piece.kind} is the model's own bone: ./removedBone.ts draws it`)
  if (piece.kind === 'bone-window') return windowRecipe(piece)
  if (piece.kind === 'vascular-pedicle') {
    // Keyed by its line in its own frame (to 0.1 mm): riding along with the graft keeps one model.
    const line = localPath(piece.from, piece.to, piece.path ?? [piece.to, piece.from])
    const rounded = line.map((p) => p.map((v) => Math.round(v * 10) / 10) as unknown as Vec3)
    return { key: modelKey(piece.kind, rounded.flat()), build: () => buildVascularPedicle(rounded) }
  }
  if (piece.kind === 'cancellous-graft' && piece.solid) return lesionCavityGraftRecipe(piece, piece.solid)
  if (piece.kind === 'marrow-cells' && piece.solid) return marrowCavityRecipe(piece, piece.solid)
  if (piece.kind === 'cancellous-graft' && piece.ellipsoid) return cavityGraftRecipe(piece, piece.ellipsoid.radii)
  if (isImplant(piece.kind)) {
    const spec = piece.implant
    if (!spec) throw new Error(`a ${piece.kind} piece needs its planned sizes (\`implant\`)`)
    const key = modelKey(piece.kind, implantSizes(spec))
    // The shell's perforated dome and the stem's loft are long enough to be made ahead in slices.
    if (piece.kind === 'acetabular-shell' && spec.kind === 'cup') {
      return { key, build: () => implantModel(piece.kind, spec), slices: () => acetabularShellSlices(spec.outerDiameter, spec.innerDiameter, spec.screwHoles) }
    }
    if (piece.kind === 'femoral-stem' && spec.kind === 'stem') return { key, build: () => implantModel(piece.kind, spec), slices: () => femoralStemSlices(spec.stem) }
    return { key, build: () => implantModel(piece.kind, spec) }
  }
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
