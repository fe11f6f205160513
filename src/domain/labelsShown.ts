/**
 * Which labels the 3D view shows: the landmark labels when the user turns labels on, and the
 * disease tags whenever they apply (./lesion/diseaseTags.ts). One list, in drawing order, for the
 * scene that places them and the page that draws them.
 */
import { LABEL_ANCHORS } from './anatomy/labelAnchors.ts'
import { DISEASE_TAGS, diseaseTagsShown, type DiseaseTagId } from './lesion/diseaseTagRules.ts'
import type { ViewState } from './viewState.ts'
import { hasTrayStep, TRAY_TAG_ID } from './treatment/trayTag.ts'
import { OBJECT_NAMES } from './treatment/objectNames.ts'

export interface ShownLabel {
  readonly id: string
  readonly kind: 'landmark' | 'disease' | 'treatment'
  readonly plainName: string
  readonly term: string
  /** 1 = always shown; 2 = shown when there is room. */
  readonly priority: 1 | 2
}

export type LabelView = Pick<ViewState, 'labels' | 'stage' | 'section' | 'faded' | 'procedure' | 'variant'>

/** The disease tag ids are prefixed so they never clash with landmark ids. */
export const diseaseLabelId = (id: DiseaseTagId): string => `disease-${id}`

// Built once, so the lists below hold the same objects every time (stable for React selectors).
const LANDMARK_LABELS: readonly ShownLabel[] = LABEL_ANCHORS.map((a) => ({ id: a.id, kind: 'landmark', plainName: a.plainName, term: a.term, priority: a.priority }))
const DISEASE_LABELS = Object.fromEntries(
  Object.values(DISEASE_TAGS).map((t) => [t.id, { id: diseaseLabelId(t.id), kind: 'disease', plainName: t.plainName, term: t.term, priority: 1 } satisfies ShownLabel]),
) as Record<DiseaseTagId, ShownLabel>

const TRAY_LABEL: ShownLabel = { id: TRAY_TAG_ID, kind: 'treatment', plainName: OBJECT_NAMES['bone-core'].patient, term: OBJECT_NAMES['bone-core'].clinical, priority: 1 }

export function labelsShown(view: LabelView): ShownLabel[] {
  const tags = diseaseTagsShown({ stage: view.stage, section: view.section, seeThrough: view.faded.includes('femur') })
  // With the landmark labels on, the socket's own landmark labels name it already.
  const disease = tags.filter((id) => !(view.labels && id === 'socket')).map((id) => DISEASE_LABELS[id])
  // The withdrawn core's tag: listed while such a treatment is open; the scene shows it while the core lies on its tray.
  const treatment = hasTrayStep(view.procedure, view.variant) ? [TRAY_LABEL] : []
  return view.labels ? [...treatment, ...disease, ...LANDMARK_LABELS] : [...treatment, ...disease]
}
