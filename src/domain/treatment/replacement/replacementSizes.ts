/**
 * Sizes and angles the replacement planner (./thrPlanner.ts, ./resurfacingPlanner.ts) uses, each
 * with its source (clinical reference §6.5–6.6) or, where the reference gives no figure, a design
 * choice that says why. The implants' shapes (./stemDesign.ts, ./capDesign.ts) read the same values.
 */
import { cited, type Cited } from '../../evidence.ts'

export const REPLACEMENT_SIZES = {
  cupInclination: cited(40, 'S', ['abdel2016', 'seagrave2017', 'meermans2022'], 'Lewinnek "safe zone" 40° ± 10° radiographic inclination (§6.5); modern reviews find no universal safe zone'),
  cupAnteversion: cited(15, 'S', ['abdel2016', 'seagrave2017', 'meermans2022'], 'Lewinnek "safe zone" 15° ± 10° radiographic anteversion (§6.5)'),
  lewinnekTolerance: cited(10, 'S', ['abdel2016', 'seagrave2017'], 'the zone is ± 10° about each default (§6.5)'),
  cupStep: cited(2, 'S', ['hutaif-2041'], 'cups come in 2-mm steps (BHR cups 44–66 mm in 2-mm steps, §6.6); the same steps are used for the THA shell'),
  pressFit: cited(
    1,
    'Inf',
    ['orthopedia-tha', 'ref-procedures'],
    'reamed "down to bleeding bone" for a press-fit shell (§6.5 steps 3–4): the last reamer takes the whole bony socket surface (at least its diameter) and the shell is 1 mm wider than it; the 1 mm is a design choice',
  ),
  reamerSteps: cited(
    { count: 4, step: 2 },
    'Inf',
    ['orthopedia-tha', 'ref-procedures'],
    '"sized reamers" rising to the final size (§6.5 step 3): four sizes 2 mm apart, so each pass takes a visible shell of bone',
  ),
  shellWall: cited(3, 'Inf', ['hutaif-2041', 'ref-procedures'], 'no THA shell thickness in the reference; drawn at the 3–4 mm of the monoblock cups (§6.6)'),
  headDiameters: cited([32, 36] as const, 'S', ['efort2018', 'jbjs2012head'], '32 and 36 mm are now the most common heads (§6.5); default 36 (dislocation 1.3% vs 5.4% with 28 mm)'),
  minLiner: cited(
    6,
    'Inf',
    ['efort2018', 'ref-procedures'],
    'highly cross-linked polyethylene liner (§6.5); no minimum thickness in the reference: a 36-mm head is planned only when the liner keeps 6 mm, else 32 mm',
  ),
  taper: cited(
    { small: 12, large: 14, length: 20 },
    'Inf',
    ['efort2018', 'ref-procedures'],
    'a 12/14-type taper carries the modular head (§6.5 "modular femoral head"): 14 mm at its base, 12 mm at its tip; its 20 mm length is a design choice',
  ),
  neckLengths: cited([-3.5, 0, 3.5] as const, 'Inf', ['ref-procedures'], 'short, medium and long heads move the head centre along the taper; 3.5-mm steps are a design choice'),
  stemNeckAngles: cited([132, 127] as const, 'Inf', ['ref-procedures'], 'a standard and a varus (high-offset) neck; the native neck-shaft angle of this model is ≈ 128° (§2.1 124.7–133°)'),
  stemCavity: cited({ min: 150, max: 200 }, 'S-sec', ['hammadmalik'], 'the stem cavity is ≈ 15–20 cm long (§6.5; secondary source only): the stem, shoulder to tip, is planned within it'),
  reamingDepth: cited(
    'floor' as const,
    'S',
    ['wheeless-floor', 'meermans2016'],
    'the socket is reamed medially to the true floor: "identification of the true floor is essential for determining depth of acetabular reaming"; "reaming to depth that obliterates the fovea … usually converts bony acetabulum to hemisphere"; "one should rarely ream deeper than true floor"; "the floor of acetabulum corresponds to lateral aspect of radiographic teardrop" (Wheeless). Reaming to the floor moved the centre of rotation 5.0 mm (SD 3.3) medially in the standard-reaming cohort (Meermans 2016). Drawn: the reamers are driven in along their axis until the shell’s dome sits on the fossa’s floor (the last reamer half the press-fit short of it), so the cup’s centre moves medially and up, as measured there. It is one technique with a cost: in the same study peripheral reaming referenced off the rim moved the centre only 0.8 mm medially and 0.7 mm up, and the shift "cannot always be compensated" by the stem; Shao 2018 restored the centre with the cup ≈ 2 mm lateral to the teardrop (the step’s clinical caption says so)',
  ),
  medialWallMin: cited(
    4.7,
    'Inf',
    ['shao2018', 'wheeless-floor'],
    'rarely deeper than the floor (Wheeless), and here never through it: the medial wall left behind the reamed socket is at least the teardrop’s thickness less one SD (6.13 ± 1.42 mm on the radiographs of 200 hips with osteonecrosis, Shao 2018)',
  ),
  floorShift: cited(
    { medial: 5.0, superior: 3.7 },
    'S',
    ['meermans2016'],
    'reaming to the floor moved the centre of rotation 5.0 mm (SD 3.3) medially and 3.7 mm (SD 2.6) superiorly on average (Meermans 2016, standard reaming): the plan stays within those means. Both cited studies point away from routine floor reaming when the centre of rotation is to be restored (peripheral reaming 0.8/0.7 mm; Shao 2018: cup ≈ 2 mm lateral to the teardrop)',
  ),
  headCentreTolerance: cited(
    3,
    'Inf',
    ['ref-procedures', 'meermans2016'],
    'leg length and offset restored (issue 12): the new head centre within 3 mm of the joint’s centre (the cup’s), so the reduced femur lies within 3 mm of where it was; with the socket reamed to the floor the cup’s centre is medial of and above the native one, and the stem, seated higher with more offset, makes up for it (Meermans 2016: the medial shift "cannot always be compensated by using a high offset stem")',
  ),
  canalEngagement: cited(
    1,
    'Inf',
    ['orthopedia-tha', 'ref-procedures'],
    'sequential broaches up to stem size (§6.5 step 6): a cementless stem is sized to bear on the endosteal cortex, the broach taking up to 1 mm of it; never through it',
  ),
  resurfacingCupWall: cited(3, 'S', ['hutaif-2041'], 'BHR cups are 3–4 mm thick (§6.6); drawn at 3 mm'),
  resurfacingSizes: cited({ min: 42, max: 58 }, 'S', ['patel2014'], 'femoral components 42–58 mm (mean 48) in one series (§6.6)'),
  capWall: cited(3, 'Inf', ['hutaif-1723', 'ref-procedures'], 'no cap thickness in the reference; the cap is as thick as the thin cup'),
  cementLayer: cited(1, 'Inf', ['amstutz2017', 'ref-procedures'], 'the cap is cemented (§6.6 step 5); a 1-mm layer is the design choice'),
  headHeightCut: cited(2, 'Inf', ['medscape-hra', 'ref-procedures'], 'planar cut to set head height (§6.6 step 4, [V]): 2 mm off the bony dome'),
  chamferDeg: cited(45, 'Inf', ['medscape-hra', 'ref-procedures'], 'chamfer reaming (§6.6 step 4, [V]): a 45° chamfer joins the cylinder to the flat top'),
  pinValgus: cited(5, 'Inf', ['mclawhorn', 'medscape-hra'], 'guide pin along the neck axis, neutral to slight valgus (§6.6 step 4): 5° of valgus; varus risks neck fracture'),
  guidePin: cited(3.2, 'Inf', ['medscape-hra', 'ref-procedures'], 'no pin size in the reference; drawn at the 3.2-mm pin of §6.1'),
  peg: cited({ diameter: 6, length: 38 }, 'Inf', ['hutaif-1723', 'amstutz2017'], 'a short metaphyseal stem (peg) up the neck (§6.6); its 6-mm width and reach 38 mm below the cap’s inner top are design choices'),
  capRimBelowCentre: cited(
    8,
    'Inf',
    ['mclawhorn', 'ref-procedures'],
    'the cap’s skirt ends 8 mm below the head centre: on reamed head bone, above the head–neck junction (≈ 13 mm below the centre in this model), so the reamer never notches the neck',
  ),
} as const satisfies Record<string, Cited<unknown>>
