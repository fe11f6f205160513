/**
 * The disease tags of the 3D view — which exist, their names, and when each applies. Apart from
 * where they point (./diseaseTags.ts) so that the page can decide whether to load the label
 * layer without downloading the lesion geometry.
 */
import type { SectionState } from '../section.ts'
import { stageValue } from '../staging/stageValue.ts'

export const DISEASE_TAG_IDS = ['deadBone', 'crack', 'cyst', 'socket'] as const
export type DiseaseTagId = (typeof DISEASE_TAG_IDS)[number]

export interface DiseaseTag {
  readonly id: DiseaseTagId
  readonly plainName: string
  readonly term: string
  /** The bone it lies on: the femur's tags move with it (stage IV migration). */
  readonly onFemur: boolean
}

export const DISEASE_TAGS: Readonly<Record<DiseaseTagId, DiseaseTag>> = {
  deadBone: { id: 'deadBone', plainName: 'Dead bone', term: 'Necrotic segment', onFemur: true },
  crack: { id: 'crack', plainName: 'Crack under the surface', term: 'Subchondral fracture (crescent)', onFemur: true },
  cyst: { id: 'cyst', plainName: 'Cyst in the socket’s bone', term: 'Subchondral cyst (geode)', onFemur: false },
  socket: { id: 'socket', plainName: 'Socket', term: 'Acetabulum', onFemur: false },
}

/**
 * The roof's cysts are drawn from 0.3 of the table's acetabular sclerosis (scene/disease/
 * sectionCaps.ts ramps them in from 0 to 0.3): tagged once drawn in full.
 */
const CYST_TAG_FROM = 0.3

export interface TagView {
  readonly stage: number
  readonly section: SectionState | null
  /** The femur is drawn see-through (the X-ray view). */
  readonly seeThrough: boolean
}

/**
 * The tags that apply: dead bone once the lesion has demarcated, the crack once it has formed
 * and the inside of the head is seen (a cut or the see-through view: it lies under intact
 * cartilage), a cyst in the socket's roof once the arthritis has made them (stage IV) and a cut
 * shows the bone (the scene's anchor says whether the cut crosses one), the socket whenever the
 * disease is shown (the window in it needs a name).
 */
export function diseaseTagsShown(view: TagView): DiseaseTagId[] {
  if (!(view.stage > 0)) return []
  const out: DiseaseTagId[] = []
  if (stageValue('lesionDemarcation', view.stage) >= 0.5) out.push('deadBone')
  if (stageValue('crescentExtent', view.stage) >= 0.3 && (view.section !== null || view.seeThrough)) out.push('crack')
  if (stageValue('acetabularSclerosis', view.stage) >= CYST_TAG_FROM && view.section !== null) out.push('cyst')
  out.push('socket')
  return out
}
