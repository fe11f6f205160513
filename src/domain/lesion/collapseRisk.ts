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
    plain: cited('A medium-sized area carries a moderate risk: some collapse, others stay stable.', 'S', ['ha2006', 'scirp-64951']),
    clinical: cited(
      'Medium lesion (15–30%): hips that did not collapse averaged 17.3% necrotic volume vs 36.8% in those that did (3D-CT, ARCO II); modified Kerboul 190–240° collapsed in 4/8 (Ha 2006).',
      'S',
      ['scirp-64951', 'ha2006'],
    ),
  },
  large: {
    plain: cited('A large area is more likely to weaken the surface above it and collapse over time.', 'S', ['min2008', 'scirp-64951']),
    clinical: cited(
      'Large lesion (> 30%): collapsing hips averaged 36.8% necrotic volume at ARCO II; large lesions HR 4.06 for collapse (Min 2008); modified Kerboul ≥ 240° collapsed in 25/25 (Ha 2006).',
      'S',
      ['scirp-64951', 'min2008', 'ha2006'],
    ),
  },
}

const TYPE_PLAIN: Readonly<Record<LesionType, string>> = {
  A: 'It sits on the inner side, away from where most weight is carried, and collapse there is rare.',
  B: 'It sits within the inner two-thirds of the weight-bearing area; collapse is uncommon.',
  C1: 'It covers most of the weight-bearing area, which raises the chance of collapse.',
  C2: 'It reaches past the edge of the socket, where the load is highest; these often collapse within a few years.',
}

function typeRisk(type: LesionType): RiskText {
  const jic = JIC_TYPES[type]
  const extra = type === 'C2' ? '; in asymptomatic hips HR 6.35 for collapse (Min 2008)' : ''
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
 * Two or three sentences on the collapse risk of this lesion, for the chosen mode.
 * When the chosen type is impossible at this size (see ./geometry.ts), says so.
 */
export function collapseRiskText(lesion: LesionChoice, mode: Mode): string {
  return collapseRisk(lesion, mode).text
}

/** Every cited sentence above, for the source check and the About panel. */
export function collapseRiskCitations(): readonly Cited<string>[] {
  const types = (Object.keys(JIC_TYPES) as LesionType[]).map(typeRisk)
  return [...Object.values(SIZE_RISK), ...types].flatMap((r) => [r.plain, r.clinical])
}
