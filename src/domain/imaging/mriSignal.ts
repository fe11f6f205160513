/**
 * Signal (grey, 0 = black, 1 = white) of each tissue on the simulated coronal MRI, for a
 * T1-weighted and a fat-suppressed T2-weighted (STIR-like) sequence, and how the disease's
 * signs change with the stage (clinical reference §4.3 MRI column; the staging table's values).
 *
 * The facts: fatty marrow is bright on T1 and the lesion's centre keeps the signal of fat, walled
 * by a low-signal band (Mitchell 1987); on T2 that band is a double line, dark outside and bright
 * inside; marrow oedema (bright on T2, low on T1) comes with pain and the subchondral fracture,
 * then fades; the fracture itself is a fluid line. The grey levels themselves are design
 * choices [Inf] that keep those contrasts readable on a small picture.
 */
import { cited, type Cited } from '../evidence.ts'
import { stageValue } from '../staging/stageParameters.ts'

export const MRI_WEIGHTINGS = ['T1', 'T2'] as const
export type MriWeighting = (typeof MRI_WEIGHTINGS)[number]

export const MRI_TISSUES = [
  'fattyMarrow',
  'cortex',
  'cartilage',
  'fluid',
  'muscle',
  'fibrous',
  'necroticCentre',
  'interfaceInner',
  'scleroticOuter',
  'oedema',
  'fracture',
  'signalVoid',
] as const
export type MriTissue = (typeof MRI_TISSUES)[number]

type Pair = Readonly<Record<MriWeighting, number>>
const sig = (t1: number, t2: number, note: string, sources: Parameters<typeof cited>[2]): Cited<Pair> => cited({ T1: t1, T2: t2 }, 'Inf', sources, note)

export const MRI_SIGNAL: Readonly<Record<MriTissue, Cited<Pair>>> = {
  fattyMarrow: sig(0.9, 0.16, 'fat: bright on T1, suppressed on the fat-suppressed T2', ['mitchell1987']),
  cortex: sig(0.04, 0.04, 'cortical bone gives no signal', ['mitchell1987']),
  cartilage: sig(0.45, 0.5, 'intermediate on both', ['mitchell1987']),
  fluid: sig(0.18, 0.95, 'joint fluid: low on T1, bright on T2', ['zhang2018']),
  muscle: sig(0.34, 0.24, 'muscle: intermediate on T1, low on fat-suppressed T2', ['mitchell1987']),
  fibrous: sig(0.1, 0.08, 'labrum, capsule and ligaments: dark on both', ['mitchell1987']),
  necroticCentre: sig(0.86, 0.18, 'the lesion’s centre keeps the signal of fat in most early lesions', ['mitchell1987']),
  // On T1 both lines of the rim are dark: together they are the low-signal band outlining the
  // lesion, the first MRI sign; on T2 they part into the double line.
  interfaceInner: sig(0.1, 0.9, 'T1: part of the low-signal band, the first MRI sign; T2: the double line’s inner, bright line (repair tissue)', ['mitchell1987', 'yoon2020', 'zhang2018']),
  scleroticOuter: sig(0.06, 0.05, 'the double line’s outer line: dark on both (sclerosis); on T1 part of the low-signal band', ['mitchell1987']),
  oedema: sig(0.28, 0.85, 'bone-marrow oedema: low on T1, bright on T2', ['iida2000', 'zhang2018']),
  fracture: sig(0.1, 0.95, 'the subchondral fracture: a fluid line, low on T1 and bright on T2', ['zhang2018']),
  signalVoid: sig(0.01, 0.01, 'implants (metal, ceramic, polyethylene, cement) give no signal: a black void', ['efort2018']),
}

export function mriSignal(tissue: MriTissue, weighting: MriWeighting): number {
  return MRI_SIGNAL[tissue].value[weighting]
}

/** How far each MRI sign has developed at stage s (0–1), from the staging table. */
export interface MriSigns {
  /** The lesion is outlined (the band and what it holds). */
  readonly demarcation: number
  /** The inner bright line of the double line. */
  readonly interfaceLine: number
  /** The outer dark (sclerotic) line. */
  readonly scleroticLine: number
  readonly oedema: number
  readonly fracture: number
  /** Joint effusion comes with the pericollapse oedema (reference §4.3, s 2.0–2.5). */
  readonly effusion: number
  /**
   * The osteoarthritis of the socket's roof (the staging table's "OA changes" from s 3.0): the
   * subchondral sclerosis and cysts the X-ray shows (xrayAttenuation ACETABULAR_CHANGES), here
   * with MRI's grey levels: sclerosis low on both weightings, cysts of fluid.
   */
  readonly acetabular: number
}

export function mriSigns(s: number): MriSigns {
  const interfaceLine = stageValue('reactiveInterface', s)
  const oedema = stageValue('marrowOedema', s)
  return {
    demarcation: stageValue('lesionDemarcation', s),
    interfaceLine,
    scleroticLine: Math.max(stageValue('scleroticRim', s), 0.9 * interfaceLine),
    oedema,
    fracture: stageValue('crescentExtent', s),
    effusion: oedema,
    acetabular: stageValue('acetabularSclerosis', s),
  }
}
