/**
 * Landmark regions of the bones: parts of a bone's mesh (per-vertex `_REGION` id in the
 * model file, name table in the mesh's `extras.regions`), not separate meshes, so bones
 * stay watertight and draw calls stay few. Picking and labels resolve a vertex's region
 * through these tables. Order matters: index = region id in the file.
 */
import type { StructureId } from './structures.ts'

export interface RegionInfo {
  readonly id: string
  /** Anatomical name shown in labels and the structure list. */
  readonly name: string
  readonly bone: StructureId
}

export const FEMUR_REGION_IDS = [
  'femoralHead',
  'foveaCapitis',
  'headNeckJunction',
  'femoralNeck',
  'greaterTrochanter',
  'trochantericFossa',
  'lesserTrochanter',
  'intertrochantericLine',
  'intertrochantericCrest',
  'quadrateTubercle',
  'vastusRidge',
  'lateralCortex',
  'femoralShaft',
  'lineaAspera',
  'glutealTuberosity',
  'subchondralPlate',
  'endostealSurface',
  'medullaryCanal',
] as const

export const HIP_BONE_REGION_IDS = [
  'ilium',
  'iliacCrest',
  'iliacTubercle',
  'anteriorSuperiorIliacSpine',
  'anteriorInferiorIliacSpine',
  'posteriorSuperiorIliacSpine',
  'posteriorInferiorIliacSpine',
  'iliacFossa',
  'glutealSurface',
  'auricularSurface',
  'iliacTuberosity',
  'arcuateLine',
  'greaterSciaticNotch',
  'acetabularRim',
  'lunateSurface',
  'acetabularFossa',
  'acetabularNotch',
  'psoasNotch',
  'ischium',
  'ischialSpine',
  'lesserSciaticNotch',
  'ischialTuberosity',
  'ischiopubicRamus',
  'pubicBody',
  'superiorPubicRamus',
  'pubicTubercle',
  'pubicCrest',
  'pectinealLine',
  'iliopubicEminence',
  'obturatorGroove',
  'obturatorForamen',
] as const

export type FemurRegionId = (typeof FEMUR_REGION_IDS)[number]
export type HipBoneRegionId = (typeof HIP_BONE_REGION_IDS)[number]
export type RegionId = FemurRegionId | HipBoneRegionId

const NAMES: Record<RegionId, string> = {
  femoralHead: 'Femoral head',
  foveaCapitis: 'Fovea capitis',
  headNeckJunction: 'Head–neck junction',
  femoralNeck: 'Femoral neck',
  greaterTrochanter: 'Greater trochanter',
  trochantericFossa: 'Trochanteric fossa',
  lesserTrochanter: 'Lesser trochanter',
  intertrochantericLine: 'Intertrochanteric line',
  intertrochantericCrest: 'Intertrochanteric crest',
  quadrateTubercle: 'Quadrate tubercle',
  vastusRidge: 'Vastus ridge',
  lateralCortex: 'Lateral cortex (subtrochanteric entry zone)',
  femoralShaft: 'Femoral shaft',
  lineaAspera: 'Linea aspera',
  glutealTuberosity: 'Gluteal tuberosity',
  subchondralPlate: 'Subchondral plate',
  endostealSurface: 'Inner (endosteal) cortex',
  medullaryCanal: 'Medullary canal',
  ilium: 'Ilium',
  iliacCrest: 'Iliac crest',
  iliacTubercle: 'Iliac tubercle',
  anteriorSuperiorIliacSpine: 'Anterior superior iliac spine',
  anteriorInferiorIliacSpine: 'Anterior inferior iliac spine',
  posteriorSuperiorIliacSpine: 'Posterior superior iliac spine',
  posteriorInferiorIliacSpine: 'Posterior inferior iliac spine',
  iliacFossa: 'Iliac fossa',
  glutealSurface: 'Gluteal surface of the ilium',
  auricularSurface: 'Auricular surface',
  iliacTuberosity: 'Iliac tuberosity',
  arcuateLine: 'Arcuate line',
  greaterSciaticNotch: 'Greater sciatic notch',
  acetabularRim: 'Acetabular rim',
  lunateSurface: 'Lunate surface',
  acetabularFossa: 'Acetabular fossa',
  acetabularNotch: 'Acetabular notch',
  psoasNotch: 'Psoas (iliopectineal) notch',
  ischium: 'Ischium',
  ischialSpine: 'Ischial spine',
  lesserSciaticNotch: 'Lesser sciatic notch',
  ischialTuberosity: 'Ischial tuberosity',
  ischiopubicRamus: 'Ischiopubic ramus',
  pubicBody: 'Body of the pubis',
  superiorPubicRamus: 'Superior pubic ramus',
  pubicTubercle: 'Pubic tubercle',
  pubicCrest: 'Pubic crest',
  pectinealLine: 'Pectineal line (pecten pubis)',
  iliopubicEminence: 'Iliopubic eminence',
  obturatorGroove: 'Obturator groove',
  obturatorForamen: 'Margin of the obturator foramen',
}

export const REGIONS: Record<RegionId, RegionInfo> = Object.fromEntries([
  ...FEMUR_REGION_IDS.map((id) => [id, { id, name: NAMES[id], bone: 'femur' as const }]),
  ...HIP_BONE_REGION_IDS.map((id) => [id, { id, name: NAMES[id], bone: 'hipBone' as const }]),
]) as Record<RegionId, RegionInfo>

/** Region name tables per bone mesh, exactly as written to `extras.regions`. */
export const REGION_TABLES: Partial<Record<StructureId, readonly RegionId[]>> = {
  femur: FEMUR_REGION_IDS,
  hipBone: HIP_BONE_REGION_IDS,
}

export function isRegionId(value: string): value is RegionId {
  return Object.prototype.hasOwnProperty.call(REGIONS, value)
}
