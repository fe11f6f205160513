/**
 * The tissue each structure is made of. The generator names the model's materials after it and
 * the viewer styles each structure by it, so the two never disagree.
 */
import type { StructureId } from './structures.ts'

export type Tissue = 'bone' | 'cancellous' | 'cartilage' | 'fibrocartilage' | 'ligament' | 'capsule' | 'artery'

export const TISSUE_OF: Readonly<Record<StructureId, Tissue>> = {
  femur: 'bone',
  hipBone: 'bone',
  femurCancellous: 'cancellous',
  femoralHeadCartilage: 'cartilage',
  acetabularCartilage: 'cartilage',
  labrum: 'fibrocartilage',
  transverseAcetabularLigament: 'ligament',
  ligamentumTeres: 'ligament',
  jointCapsule: 'capsule',
  femoralArtery: 'artery',
  deepFemoralArtery: 'artery',
  medialCircumflexArtery: 'artery',
  mfcaDeepBranch: 'artery',
  posterosuperiorRetinacularArteries: 'artery',
  lateralCircumflexArtery: 'artery',
  lfcaAscendingBranch: 'artery',
  anteriorRetinacularArtery: 'artery',
  inferiorRetinacularArtery: 'artery',
  obturatorArtery: 'artery',
  ligamentumTeresArtery: 'artery',
}
