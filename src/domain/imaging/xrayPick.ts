/**
 * Which structure a point of a radiograph shows (issue 13: a click on the X-ray selects the
 * structure under it in 3D). A point of a film is a whole line through the hip, so what it shows
 * is what stops the beam most along that line: the structure whose attenuation beyond soft
 * tissue, times the length of the line inside it, is the largest (the femoral head wins over the
 * thin anterior wall of the socket in front of it; the roof of the socket above the head is the
 * hip bone). The femur's cortex and its cancellous core are one bone on a film, named as the femur.
 */
import type { StructureId } from '../anatomy/structures.ts'
import { excessAttenuation, type XrayTissue } from './xrayAttenuation.ts'

/** What the radiograph counts each structure as (arteries carry no contrast: left out). */
export const XRAY_TISSUE: Readonly<Partial<Record<StructureId, XrayTissue>>> = {
  femur: 'cortex',
  femurCancellous: 'cancellous',
  hipBone: 'hipBone',
  femoralHeadCartilage: 'cartilage',
  acetabularCartilage: 'cartilage',
  labrum: 'fibrous',
  transverseAcetabularLigament: 'fibrous',
  ligamentumTeres: 'fibrous',
  jointCapsule: 'fibrous',
}

/** The structure a film names for a part of it: the cancellous core is the femur's. */
const BODY_OF: Readonly<Partial<Record<StructureId, StructureId>>> = { femurCancellous: 'femur' }

/** A stretch of the beam inside one structure, as distances along it. */
export interface BeamSegment {
  readonly structure: StructureId
  readonly start: number
  readonly end: number
}

export interface FilmPick {
  /** The structure the point of the film shows. */
  readonly structure: StructureId
  /** Where the beam enters and leaves it (distances along the beam). */
  readonly start: number
  readonly end: number
}

/** What a point of a radiograph shows, from the segments of its beam; null where the beam meets no structure a film shows. */
export function densestAlongBeam(segments: readonly BeamSegment[]): FilmPick | null {
  const bodies = new Map<StructureId, { weight: number; start: number; end: number }>()
  for (const s of segments) {
    const tissue = XRAY_TISSUE[s.structure]
    const excess = tissue ? excessAttenuation(tissue) : 0
    if (!(excess > 0) || !(s.end > s.start)) continue
    const id = BODY_OF[s.structure] ?? s.structure
    const body = bodies.get(id)
    const weight = excess * (s.end - s.start)
    if (body) bodies.set(id, { weight: body.weight + weight, start: Math.min(body.start, s.start), end: Math.max(body.end, s.end) })
    else bodies.set(id, { weight, start: s.start, end: s.end })
  }
  let best: FilmPick | null = null
  let most = 0
  for (const [structure, b] of bodies) {
    if (b.weight > most) {
      most = b.weight
      best = { structure, start: b.start, end: b.end }
    }
  }
  return best
}
