/**
 * The look of each structure: a medical-illustration palette (ivory bone with its baked
 * ambient occlusion from COLOR_0, satin off-white cartilage, red arteries, a translucent capsule).
 * One material per structure, so that selecting or fading one never touches another.
 */
import { Color, DoubleSide, MeshStandardMaterial, type Material } from 'three'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { TISSUE_OF, type Tissue } from '../../domain/anatomy/tissues.ts'

export type MaterialKind = Tissue

/** The look of each structure follows its tissue (shared with the generator). */
export const MATERIAL_KIND: Readonly<Record<StructureId, MaterialKind>> = TISSUE_OF

export function createMaterial(kind: MaterialKind, hasVertexColors: boolean): Material {
  switch (kind) {
    case 'bone':
      return new MeshStandardMaterial({ color: new Color('#efe4cf'), roughness: 0.68, metalness: 0, vertexColors: hasVertexColors })
    case 'cancellous':
      return new MeshStandardMaterial({ color: new Color('#d8b48c'), roughness: 0.9, metalness: 0, vertexColors: hasVertexColors })
    case 'cartilage':
      // Hyaline cartilage: satin, off-white with a faint blue-grey, not glossy (a clear coat read
      // as a polished metal implant).
      return new MeshStandardMaterial({ color: new Color('#f1f5f8'), roughness: 0.6, metalness: 0, vertexColors: hasVertexColors })
    case 'fibrocartilage':
      // The labrum: white fibrocartilage with a cool cast, a shade apart from the hyaline cartilage
      // it borders (a slate grey read as something else than the rim of the socket).
      return new MeshStandardMaterial({ color: new Color('#dbe3e9'), roughness: 0.45, vertexColors: hasVertexColors })
    case 'ligament':
      return new MeshStandardMaterial({ color: new Color('#e2d6bd'), roughness: 0.55, vertexColors: hasVertexColors })
    case 'capsule':
      return new MeshStandardMaterial({
        color: new Color('#eadfcb'), roughness: 0.6, transparent: true, opacity: 0.22, depthWrite: false, side: DoubleSide,
      })
    case 'artery':
      // A plain lit material: vessels are thin, and a clear coat there costs more than it shows.
      return new MeshStandardMaterial({ color: new Color('#c1272d'), roughness: 0.32, vertexColors: hasVertexColors })
  }
}
