/**
 * Where the fibula graft comes from (issue 11, operation 4: "a small inset shows where the fibula
 * comes from"): a picture-in-picture over the corner of the 3D view during the vascularised
 * fibula's harvest step — the lower leg from the front, shin bone (tibia) and calf bone (fibula),
 * the segment of the fibula's shaft that is taken highlighted with its peroneal artery and veins.
 * Gone at every other step. Drawn by code (SVG), named and described for screen readers.
 *
 * The segment's length in the words comes from the step's own sizes (clinical.md §6.3: ≈ 10–15
 * cm). The drawing is schematic: the segment is drawn as the middle of the shaft, with both ends
 * of the fibula left in place; no source in clinical.md gives how much is kept at the knee and the
 * ankle, so no figure is given for it.
 */
import { VASCULARISED_FIBULA } from '../../domain/procedures/vascularisedFibula.ts'
import { stepIdsOf } from '../../domain/treatment/stepIds.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { StepInset } from './StepInset.tsx'

/** The step the inset belongs to. */
export const DONOR_INSET_STEP = 'harvest'

function segmentCm(): string {
  const size = VASCULARISED_FIBULA.steps.find((s) => s.id === DONOR_INSET_STEP)?.sizes.find((s) => s.value.unit === 'cm')
  const value = size?.value.value
  return Array.isArray(value) ? `${value[0]}–${value[1]} cm` : `${value ?? ''} cm`
}

export default function FibulaDonorInset() {
  const procedure = useViewStore((s) => s.procedure)
  const variant = useViewStore((s) => s.variant)
  const step = useViewStore((s) => s.step)
  const mode = useViewStore((s) => s.mode)
  if (procedure !== 'vascularised-fibula' || stepIdsOf(procedure, variant)[step] !== DONOR_INSET_STEP) return null
  const cm = segmentCm()
  const title = mode === 'patient' ? 'Where the graft comes from' : 'Donor site: fibula'
  const caption =
    mode === 'patient' ? `A ${cm} piece of the thin outer bone of the lower leg, with its blood vessels` : `Fibular shaft segment ≈ ${cm} with the peroneal artery and veins`
  const description =
    'Drawing of the lower leg seen from the front, knee at the top and ankle at the bottom: the thick shin bone (tibia) on the inner side and the thin fibula on the outer side. ' +
    `The middle of the fibula’s shaft, about ${cm} long, is highlighted with its artery (red) between two veins (blue) running along its inner side; the ends of the fibula at the knee and the ankle stay.`
  return (
    <StepInset className="donor-inset" testId="fibula-donor-inset" title={title} caption={caption}>
      <svg viewBox="0 0 100 200" role="img" aria-label={description}>
        {/* Outline of the lower leg (right leg, front view: the fibula on the outer side, to the left). */}
        <path className="leg" d="M22 6 C18 40 20 80 26 120 C30 150 30 175 28 192 L66 192 C64 175 66 150 72 120 C80 80 82 40 78 6 Z" />
        {/* Tibia: the shin bone, wide at the knee, on the inner side. */}
        <path className="bone" d="M44 10 C42 10 38 14 40 20 C44 30 46 60 47 100 C48 140 48 165 46 180 C45 186 50 188 58 186 C60 176 58 150 58 110 C58 70 60 32 66 20 C69 13 64 10 60 10 Z" />
        {/* Fibula: thin, on the outer side, from below the knee to the ankle. */}
        <path className="bone" d="M30 22 C29 24 31 28 32 30 L33 180 C32 184 33 188 36 188 C38 184 38 182 37 180 L36 30 C37 27 37 23 35 21 Z" />
        {/* The harvested segment of the shaft, with the peroneal artery and veins along it. */}
        <rect className="segment" x="30.5" y="68" width="7" height="62" rx="2" />
        {/* The artery between its two veins (venae comitantes), on the fibula’s inner (posteromedial) side, toward the tibia: Gray’s Anatomy, 42nd ed., leg — the fibular artery runs along the posteromedial fibula. */}
        <line className="vein" x1="38.4" y1="62" x2="38.4" y2="136" />
        <line className="artery" x1="40.2" y1="60" x2="40.2" y2="138" />
        <line className="vein" x1="42" y1="62" x2="42" y2="136" />
        {/* Bracket showing its length. */}
        <path className="bracket" d="M22 68 L17 68 L17 130 L22 130" />
        <text x="8" y="58" className="label">knee</text>
        <text x="8" y="152" className="label">ankle</text>
      </svg>
    </StepInset>
  )
}
