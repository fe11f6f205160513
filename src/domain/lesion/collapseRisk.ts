/**
 * What the lesion's size and location mean for the risk of collapse, in plain words for
 * patients and with figures for clinicians (clinical reference §4.4, §5, §6.7).
 * Plain sentences hedge ("often", "more likely") and promise nothing (§1).
 */
import { cited, type Cited } from '../evidence.ts'
import type { SourceKey } from '../sources.ts'
import type { LesionSize, LesionType, Mode } from '../viewState.ts'
import type { LesionChoice } from './choice.ts'
import { lesionGeometry } from './geometry.ts'
import { JIC_TYPES } from './jicTypes.ts'
import { LESION_SIZE_CLASSES } from './sizeClasses.ts'

interface RiskText {
  readonly plain: Cited<string>
  readonly clinical: Cited<string>
}

const pct = (v: number): string => `${(v * 100).toFixed(1).replace(/\.0$/, '')}%`

const SIZE_RISK: Readonly<Record<LesionSize, RiskText>> = {
  small: {
    plain: cited('Small areas like this often stay stable, and many never collapse.', 'S', ['mont2010']),
    clinical: cited('Small lesion (< 15%): small medial lesions collapsed in < 10% of asymptomatic hips (Mont 2010).', 'S', ['mont2010']),
  },
  medium: {
    plain: cited('A medium-sized area carries a moderate risk: some collapse, others stay stable.', 'S', ['ha2006', 'nishii2002']),
    clinical: cited(
      'Medium lesion (15–30%): only 9 of 35 hips with lesions under 30% of the head collapsed within 2 years (Nishii 2002); modified Kerboul 190–240° collapsed in 4/8 (Ha 2006).',
      'S',
      ['nishii2002', 'ha2006'],
    ),
  },
  large: {
    plain: cited('A large area is more likely to weaken the surface above it and collapse over time.', 'S', ['min2008', 'shimizu1994']),
    clinical: cited(
      'Large lesion (> 30%): in Shimizu 1994 (by its own measure: over ¼ of the head and ⅔ of the weight-bearing area) 17/23 hips collapsed; large lesions HR 4.06 for collapse (Min 2008); modified Kerboul ≥ 240° collapsed in 25/25 (Ha 2006).',
      'S',
      ['shimizu1994', 'min2008', 'ha2006'],
    ),
  },
}

const TYPE_PLAIN: Readonly<Record<LesionType, string>> = {
  A: 'It lies toward the inner part of the weight-bearing area, with strong living bone at the outer edge, and collapse there is rare.',
  B: 'It sits within the inner two-thirds of the weight-bearing area; collapse is uncommon.',
  C1: 'It covers most of the weight-bearing area, which raises the chance of collapse.',
  C2: 'Its outer edge reaches past the rim of the socket, so no living bone is left at the outer edge of the weight-bearing area to hold the surface up; these often collapse within a few years.',
}

function typeRisk(type: LesionType): RiskText {
  const jic = JIC_TYPES[type]
  const extra =
    type === 'C2'
      ? '; the part beyond the rim is unloaded, but with no viable lateral pillar left the loaded surface at the rim loses its support (in asymptomatic hips HR 6.35 for collapse, Min 2008)'
      : ''
  return {
    plain: cited(TYPE_PLAIN[type], 'S', ['kuroda2019']),
    clinical: cited(
      `JIC ${type}: collapse in ${pct(jic.collapseAt2y.value)} at 2 years and ${pct(jic.collapseAt5y.value)} at 5 years (Kuroda 2019)${extra}.`,
      'S',
      type === 'C2' ? ['kuroda2019', 'min2008'] : ['kuroda2019'],
    ),
  }
}

/** The collapse-risk sentences for this lesion and mode, with the sources behind them. */
export function collapseRisk(lesion: LesionChoice, mode: Mode): { readonly text: string; readonly sources: readonly SourceKey[] } {
  const size = SIZE_RISK[lesion.size]
  const type = typeRisk(lesion.type)
  const shown = lesionGeometry(lesion).shownType
  const chosen = mode === 'patient' ? [size.plain, type.plain] : [size.clinical, type.clinical]
  const parts = chosen.map((c) => c.value)
  if (shown !== lesion.type) {
    // See ./geometry.ts: a large lesion cannot be confined medially.
    const sizeName = LESION_SIZE_CLASSES[lesion.size].plainName
    parts.push(
      mode === 'patient'
        ? `A ${sizeName} area cannot stay that far to the inner side, so the picture shows it reaching further out.`
        : `A ${sizeName} lesion cannot be confined as JIC ${lesion.type} requires; the model draws its edge where JIC ${shown} lies.`,
    )
  }
  return { text: parts.join(' '), sources: [...new Set(chosen.flatMap((c) => c.sources))] }
}

/**
 * Whether this lesion usually stops short of collapse: small lesions, and those in the medial
 * thirds (JIC A: 0% at 5 years, B: 7.9%; small medial lesions < 10%). The slider still shows the
 * whole course; once it shows collapse, the caption says plainly that this lesion rarely gets there.
 */
export function rarelyCollapses(lesion: LesionChoice): boolean {
  const shown = lesionGeometry(lesion).shownType
  return lesion.size === 'small' || shown === 'A' || shown === 'B'
}

const COURSE_NOTE = {
  plain: cited(
    'Areas like this one (small, or on the inner side) rarely collapse: the picture shows what happens in the hips where it does.',
    'S',
    ['kuroda2019', 'mont2010'],
  ),
  clinical: cited(
    'This lesion rarely reaches collapse (JIC A 0%, B 7.9% at 5 years, Kuroda 2019; small medial lesions < 10%, Mont 2010); the slider shows the course of the hips that do collapse.',
    'S',
    ['kuroda2019', 'mont2010'],
  ),
} as const

/** The note for stages that show collapse, when this lesion rarely gets there; null otherwise. */
export function courseNote(lesion: LesionChoice, mode: Mode): { readonly text: string; readonly sources: readonly SourceKey[] } | null {
  if (!rarelyCollapses(lesion)) return null
  const c = mode === 'patient' ? COURSE_NOTE.plain : COURSE_NOTE.clinical
  return { text: c.value, sources: c.sources }
}

/** Once the head has collapsed, in plain words: lesions like this one are the ones that usually do. */
const COLLAPSED_PLAIN: Readonly<Record<LesionSize, Cited<string>>> = {
  small: cited('Small areas like this one rarely collapse.', 'S', ['mont2010', 'kuroda2019']),
  medium: cited('Medium-sized areas collapse in some hips, as in this one.', 'S', ['nishii2002', 'ha2006']),
  large: cited('Large areas like this one are the ones most likely to collapse, as this one has.', 'S', ['min2008', 'shimizu1994']),
}

/** The patient's risk sentence once collapse is shown (see courseNote for lesions that rarely get there). */
export function collapsedRisk(lesion: LesionChoice): { readonly text: string; readonly sources: readonly SourceKey[] } {
  const c = COLLAPSED_PLAIN[lesion.size]
  return { text: c.value, sources: c.sources }
}

/**
 * What is usually advised before collapse for a lesion like this one (clinical): observation for
 * lesions that rarely collapse, joint-preserving surgery for those that usually do (Kuroda 2019:
 * type A needs no further treatment, pre-collapse C2 warrants joint-preserving surgery).
 */
export function lesionAdvice(lesion: LesionChoice): Cited<string> {
  const shown = lesionGeometry(lesion).shownType
  if (rarelyCollapses(lesion)) return ADVICE.observe
  return shown === 'C2' || lesion.size === 'large' ? ADVICE.preserve : ADVICE.consider
}

const ADVICE = {
  observe: cited('observation is reasonable (small or medial lesions rarely collapse).', 'S', ['kuroda2019', 'mont2010']),
  consider: cited('joint-preserving treatment is often considered; the risk of collapse is moderate.', 'S', ['kuroda2019', 'nishii2002']),
  preserve: cited('joint-preserving surgery is usually advised before it collapses (large or laterally placed lesions collapse most).', 'S', ['kuroda2019', 'min2008']),
} as const

/**
 * Two or three sentences on the collapse risk of this lesion, for the chosen mode.
 * When the chosen type is impossible at this size (see ./geometry.ts), says so.
 */
export function collapseRiskText(lesion: LesionChoice, mode: Mode): string {
  return collapseRisk(lesion, mode).text
}

/** Every cited sentence above, for the source check and the About panel. */
export function collapseRiskCitations(): readonly Cited<string>[] {
  const types = (Object.keys(JIC_TYPES) as LesionType[]).map(typeRisk)
  return [...Object.values(SIZE_RISK), ...types]
    .flatMap((r) => [r.plain, r.clinical])
    .concat([COURSE_NOTE.plain, COURSE_NOTE.clinical, ...Object.values(COLLAPSED_PLAIN), ...Object.values(ADVICE)])
}
