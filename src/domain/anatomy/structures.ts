/**
 * The anatomy catalogue: every structure the model contains, under a stable id.
 *
 * The id is also the glTF node name written by the generator (src/anatomy) and the
 * key used in the URL (`hide=`), the store and the structure list. Names and
 * descriptions are in ./structureInfo.ts (apart, so the first download carries only the ids).
 * Landmarks that are parts of a bone (trochanters, spines, fossa...) are *regions* of that
 * bone's mesh, listed in ./regions.ts, not structures.
 */

export type StructureGroup = 'bone' | 'cartilage' | 'soft-tissue' | 'artery'

export const STRUCTURE_IDS = [
  // bones
  'femur',
  'hipBone',
  // internal layers of the femoral head and neck (shown in cross-section)
  'femurCancellous',
  // cartilage
  'femoralHeadCartilage',
  'acetabularCartilage',
  // soft tissue
  'labrum',
  'transverseAcetabularLigament',
  'ligamentumTeres',
  'jointCapsule',
  // arteries
  'femoralArtery',
  'deepFemoralArtery',
  'medialCircumflexArtery',
  'mfcaDeepBranch',
  'posterosuperiorRetinacularArteries',
  'lateralCircumflexArtery',
  'lfcaAscendingBranch',
  'anteriorRetinacularArtery',
  'inferiorRetinacularArtery',
  'obturatorArtery',
  'ligamentumTeresArtery',
] as const

export type StructureId = (typeof STRUCTURE_IDS)[number]

const ID_SET: ReadonlySet<string> = new Set(STRUCTURE_IDS)

export function isStructureId(value: string): value is StructureId {
  return ID_SET.has(value)
}
