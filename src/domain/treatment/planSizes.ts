/**
 * Sizes the planner uses, each with its source (clinical reference §6) or, where the reference
 * gives no figure, a design choice that says why. Captions quote the same values.
 */
import { cited, type Cited } from '../evidence.ts'
import { CRESCENT_DEPTH_MM } from '../lesion/geometry.ts'

export const PLAN_SIZES = {
  coreDiameter: cited(8, 'S', ['mont2004', 'orthogate-cd'], '8–10 mm trephine (§6.1); drawn at 8 mm, the classic single core'),
  coreClearance: cited(
    5,
    'Inf',
    ['ref-procedures'],
    'the core stops short of the subchondral plate under biplane fluoroscopy; the classic description gives ≈ 5 mm from the articular surface (a secondary source), measured here from the nearest point of the core’s flat end to the cartilage surface (the pass meets the dome obliquely, so its leading edge is nearer than its centre: ./toolEnd.ts)',
  ),
  guideWire: cited(
    3.2,
    'Inf',
    ['musculoskeletalkey-cd', 'ref-procedures'],
    'the reference gives no guide-wire size; drawn at the 3.2-mm pin size of §6.1, thin enough to pass through the cannulated trephine',
  ),
  pin: cited(3.2, 'S', ['musculoskeletalkey-cd', 'mont2004'], 'multiple drilling with a 3.2-mm Steinmann pin (§6.1)'),
  drillingPasses: cited(
    5,
    'Inf',
    ['musculoskeletalkey-cd', 'ref-procedures'],
    '"several passes" through one lateral entry (§6.1; one series used 4–13): five, one to the centre of the lesion and four around it',
  ),
  strutTract: cited(
    10,
    'Inf',
    ['wu2019', 'ref-procedures'],
    'Phemister: "core tract as in core decompression" (§6.2); drawn at the top of the 8–10 mm range so a cortical strut fits',
  ),
  strut: cited(9, 'Inf', ['wu2019', 'ref-procedures'], 'the strut fills its tract, leaving 0.5 mm each side (no figure in the reference)'),
  strutClearance: cited(
    2,
    'Inf',
    ['ref-geometry', 'hamada2018'],
    'the strut props the subchondral plate from below (§6.2); the plate is about 1–2 mm thick, so the strut’s end stays 2 mm under the bony surface at its nearest point',
  ),
  cavityRoof: cited(
    CRESCENT_DEPTH_MM.value,
    'Inf',
    ['ref-procedures', 'ref-geometry', 'hamada2018'],
    'curettage removes the necrotic bone up to the subchondral plate, which it leaves for the graft to prop (§6.2): the roof is the fracture’s depth under the surface (the plate of about 1–2 mm, CRESCENT_DEPTH_MM). At 3 mm a surgeon read the band of dead bone left under the plate as incomplete debridement',
  ),
  cavityFloor: cited(
    0,
    'Inf',
    ['ref-procedures'],
    'curettage removes the necrotic bone down to the lesion’s reactive interface (§6.2, §6.3): the cavity’s floor is the lesion’s (a surgeon’s review: a 1-mm rim left read as dead bone left behind)',
  ),
  reamerReach: cited(
    9,
    'Inf',
    ['ref-procedures'],
    'through a core or tract, the expandable reamer and curettes clear the necrotic bone within about 9 mm of the pass’s axis (an 18-mm sweep; a surgeon’s review, design choice: the reference gives no reach)',
  ),
  cavityShare: cited(
    0.85,
    'Inf',
    ['ref-procedures'],
    'resurfacing: the necrotic bone under the cap is removed (§6.6): drawn as an ellipsoid taking 85% of each of the lesion’s half-axes, shrunk to stay above the cap’s rim (design choice)',
  ),
  window: cited(
    { length: 16, width: 12, depth: 8 },
    'Inf',
    ['sun2014', 'ref-procedures'],
    'light-bulb window at the head–neck junction (§6.2): the reference gives no size; 16 × 12 mm passes the 10-mm curettes and graft impactor and leaves the drawn anterior retinacular artery beside it (20 × 15 lay across it: surgeon’s review), 8 mm deep goes through the cortex',
  ),
  channel: cited(10, 'Inf', ['sun2014', 'ref-procedures'], 'the path from the window to the lesion, as wide as the curettes that make it (design choice)'),
  fibulaCore: cited(16, 'V', ['aldridge2004'], 'core ≈ 16–19 mm (§6.3); drawn at 16 mm, 1 mm wider each side than the 14-mm graft'),
  fibulaCoreClearance: cited(4, 'V', ['aldridge2004'], 'the core ends ≈ 3–5 mm below the subchondral plate (§6.3): drawn with the centre of its end 4 mm under the bone'),
  fibulaEdgeClearance: cited(
    1.5,
    'Inf',
    ['aldridge2004', 'ref-geometry'],
    'the wide end meets the dome obliquely: no point of it enters the subchondral plate (about 1–2 mm thick), so its nearest edge stays 1.5 mm under the bone (surgeon’s review)',
  ),
  fibulaDiameter: cited(14, 'V', ['aldridge2004'], 'adult fibular shaft ≈ 12–15 mm (§6.3): drawn 14 mm'),
} as const satisfies Record<string, Cited<unknown>>
