/**
 * The colour key beside the view: every mark the disease can draw, and only those the picture
 * shows now (at this stage, for this cause and view). Pure: the UI draws the swatches.
 */
import type { Cause } from '../viewState.ts'
import { stageValue } from './stageValue.ts'

export const LEGEND_MARKS = [
  'perfused',
  'ischaemic',
  'dead',
  'lesionCysts',
  'doubleLine',
  'oedema',
  'crack',
  'cartilageWear',
  'occludedArtery',
  'arthritis',
] as const
export type LegendMark = (typeof LEGEND_MARKS)[number]

export interface LegendEntry {
  readonly mark: LegendMark
  /** Plain words for patients. */
  readonly plain: string
  /** Terms for clinicians and students. */
  readonly clinical: string
}

const ENTRIES: Readonly<Record<LegendMark, LegendEntry>> = {
  perfused: { mark: 'perfused', plain: 'living bone', clinical: 'perfused bone (see-through view)' },
  ischaemic: { mark: 'ischaemic', plain: 'bone losing its blood supply (striped)', clinical: 'ischaemic territory (hatched)' },
  dead: { mark: 'dead', plain: 'dead bone (grey, finely flecked)', clinical: 'necrotic segment (grey, finely flecked)' },
  lesionCysts: { mark: 'lesionCysts', plain: 'a few cysts in the dead bone, along the repair zone (dark spots with a pale edge, seen in a cut)', clinical: 'cysts in the necrotic segment along the reactive interface (dark, in a thin sclerotic wall; on a cut)' },
  doubleLine: { mark: 'doubleLine', plain: 'the body’s repair zone around it (pink), in a rim of hardened bone (white, dense)', clinical: 'reactive interface: repair tissue (pink; on T2 MRI the double line’s bright inner line) in a rim of sclerotic bone (white on the cut, with few small marrow spaces; on MRI the dark outer line)' },
  oedema: { mark: 'oedema', plain: 'swelling in the bone (oedema)', clinical: 'bone-marrow oedema' },
  crack: { mark: 'crack', plain: 'crack under the surface (seen in a cut)', clinical: 'subchondral fracture, crescent (cut or see-through)' },
  cartilageWear: { mark: 'cartilageWear', plain: 'worn cartilage', clinical: 'cartilage fibrillation, flap and loss' },
  occludedArtery: { mark: 'occludedArtery', plain: 'blocked artery', clinical: 'occluded retinacular arteries' },
  arthritis: { mark: 'arthritis', plain: 'arthritis: bony spurs, narrowed joint, hardened socket bone with small cysts (dark spots)', clinical: 'osteophytes, joint-space narrowing, acetabular sclerosis (white, dense) and subchondral cysts (dark, in a white wall)' },
}

/** Below this, a mark is too faint to list. */
const SHOWN = 0.05

export interface LegendContext {
  readonly stage: number
  readonly cause: Cause
  /** The femur is drawn see-through (the X-ray view), where living bone is tinted. */
  readonly seeThrough: boolean
  /**
   * An operation is shown: dead bone's surface is plain grey there (its dots read as drilled
   * keying holes on a bared head: surgeon's review), flecked only on a cut. Default false.
   */
  readonly operation?: boolean
}

/** The dead bone's words while an operation is shown (see LegendContext.operation). */
const DEAD_IN_OPERATION: LegendEntry = { mark: 'dead', plain: 'dead bone (grey; flecked where cut)', clinical: 'necrotic segment (grey; flecked on a cut)' }

/** The marks the picture shows now, in a fixed order; empty for a healthy hip. */
export function legendEntries({ stage, cause, seeThrough, operation = false }: LegendContext): LegendEntry[] {
  if (!(stage > 0)) return []
  const v = (id: Parameters<typeof stageValue>[0]) => stageValue(id, stage)
  const present: Record<LegendMark, boolean> = {
    perfused: seeThrough,
    // The territory tint shows while the supply fails and before the lesion has demarcated.
    ischaemic: v('headTerritoryPerfusion') < 100 - 100 * SHOWN && v('lesionDemarcation') < 1 - SHOWN,
    dead: v('lesionDemarcation') > SHOWN,
    // They come with the sclerosis (ARCO II: "sclerosis, cysts, or both"), as the cut draws them.
    lesionCysts: v('lesionDemarcation') > SHOWN && v('scleroticRim') > SHOWN,
    doubleLine: v('reactiveInterface') > SHOWN,
    oedema: v('marrowOedema') > SHOWN,
    crack: v('crescentExtent') > SHOWN,
    cartilageWear: v('cartilageOverLesion') < 1 - SHOWN || v('cartilageElsewhere') < 1 - SHOWN,
    occludedArtery: cause === 'traumatic' && v('perfusionPosterosuperior') < 50,
    arthritis: v('osteophytes') > SHOWN,
  }
  return LEGEND_MARKS.filter((m) => present[m]).map((m) => (m === 'dead' && operation ? DEAD_IN_OPERATION : ENTRIES[m]))
}
