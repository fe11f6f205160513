/**
 * How each step is best seen: from which named view, framing which part of the hip, and whether
 * a cut along the tool's path shows it (a tunnel in the neck is invisible from outside). Framings
 * are landmark points, never screen positions, so they fit any model and window; the user can
 * still turn and zoom, and choose another cut, within a step. Light on purpose (the camera and the
 * model read it from the first download): the cut along a tool is ./toolCut.ts.
 */
import type { HipLandmarks } from '../anatomy/landmarks.ts'
import type { StructureId } from '../anatomy/structures.ts'
import type { Framing } from '../cameraViews.ts'
import type { ProcedureId } from '../procedures.ts'
import type { NamedView } from '../viewState.ts'
import { add, madd, type Vec3 } from '../vec3.ts'
import { stepIdsOf } from './stepIds.ts'
import { femurPointAt } from './femurMotion.ts'
import { dislocatedFemur } from './replacement/dislocation.ts'
import { removedHeadLyingPoint } from './replacement/removedHead.ts'

/**
 * Beside the greater trochanter, lateral of it and above the entry: where the planner lays bone
 * taken out (the core), outside the bone and inside the drilling steps' framing.
 */
export function trayPoint(lm: HipLandmarks): Vec3 {
  const outer = lm.greaterTrochanterLateral ?? lm.greaterTrochanterTip
  return add(outer, [-22, 15, 0])
}

/** What a framing holds. */
export type Focus = 'hip' | 'hipAndGraft' | 'joint' | 'entry' | 'neck' | 'head' | 'headNeckFront' | 'dislocated' | 'dislocatedHead' | 'jointAndRemovedHead' | 'dislocatedAndRemovedHead' | 'socket'

export interface StepView {
  readonly view: NamedView
  readonly focus: Focus
  /** A cut through the step's tool path, lengthwise, keeping the back half: 'core', 'passes', 'channel'. */
  readonly cut: 'core' | 'channel' | null
  /**
   * Structures the operation has moved out of the way during this step (the joint capsule opened
   * at the front for the light-bulb window). Hidden for the whole step, on top of what the user
   * hid, and shown again when the treatment closes.
   */
  readonly hidden: readonly StructureId[]
  /**
   * Structures drawn see-through during this step, on top of the user's choice: where a step's
   * work fans out of any one cutting plane (the multiple-drilling passes), the bone is seen
   * through instead of cut.
   */
  readonly seeThrough: readonly StructureId[]
}

/** One empty list, so a store selector returns the same value while nothing changes. */
const NONE: readonly StructureId[] = []

const v = (view: NamedView, focus: Focus, cut: StepView['cut'] = null, hidden: readonly StructureId[] = NONE, seeThrough: readonly StructureId[] = NONE): StepView => ({
  view,
  focus,
  cut,
  hidden,
  seeThrough,
})
const OPEN_CAPSULE: readonly StructureId[] = ['jointCapsule']
/** The femur seen through: every pass of a fan of pins at once, in no one plane. */
const FEMUR_SEEN_THROUGH: readonly StructureId[] = ['femur', 'femurCancellous', 'femoralHeadCartilage']
/** The femur's bone seen through while the canal is shaped and the stem goes in: the broach and the stem fill the canal in no one plane. */
const FEMUR_BONE_SEEN_THROUGH: readonly StructureId[] = ['femur', 'femurCancellous']

/**
 * Total hip replacement. Opening the joint takes the capsule away; dislocating it tears the
 * ligament of the head (and its artery) and takes the femur away from the vessels round the
 * joint, which stay behind in the model, so they are hidden while the femur is out; once the head
 * is cut off, its cartilage and the retinacular arteries on the neck go with it. Reaming takes
 * the labrum, as in the operation.
 */
const THR_OPEN: readonly StructureId[] = ['jointCapsule']
/**
 * Once the femur is out, every artery goes: the circumflex arteries wrap a neck that has moved
 * away, and the femoral trunk, cut where the model ends, stood square-ended in the middle of the
 * framing (a surgeon's review); none of them is what these steps are about.
 */
const THR_DISLOCATED: readonly StructureId[] = [
  ...THR_OPEN,
  'ligamentumTeres',
  'ligamentumTeresArtery',
  'femoralArtery',
  'deepFemoralArtery',
  'medialCircumflexArtery',
  'mfcaDeepBranch',
  'lateralCircumflexArtery',
  'lfcaAscendingBranch',
  'obturatorArtery',
]
const THR_HEAD_OUT: readonly StructureId[] = [
  ...THR_DISLOCATED,
  'femoralHeadCartilage',
  'posterosuperiorRetinacularArteries',
  'anteriorRetinacularArtery',
  'inferiorRetinacularArtery',
]
const THR_SOCKET_PREPARED: readonly StructureId[] = [...THR_HEAD_OUT, 'labrum']
/**
 * Hip resurfacing dislocates the femur as the THA does and keeps the head: the reamed socket loses
 * its labrum, and the head its cartilage once the sleeve reamer has passed (the cap replaces it).
 */
const HRA_SOCKET_PREPARED: readonly StructureId[] = [...THR_DISLOCATED, 'labrum']
const HRA_HEAD_REAMED: readonly StructureId[] = [...HRA_SOCKET_PREPARED, 'femoralHeadCartilage']

/** By procedure, variant ('' = default sequence), step id. */
const STEP_VIEWS: Readonly<Record<ProcedureId, Readonly<Record<string, Readonly<Record<string, StepView>>>>>> = {
  'core-decompression': {
    '': {
      position: v('anterior', 'hip'),
      arthroscopy: v('anterior', 'joint'),
      incision: v('lateral', 'entry'),
      guidewire: v('anterior', 'neck', 'core'),
      core: v('anterior', 'neck', 'core'),
      debride: v('anterior', 'head', 'core'),
      // Seen where the cells end up, in the core; the caption says where they come from.
      bmac: v('anterior', 'neck', 'core'),
      'fill-close': v('anterior', 'neck', 'core'),
    },
    'multiple-drilling': {
      position: v('anterior', 'hip'),
      'stab-incision': v('lateral', 'entry'),
      'first-pass': v('anterior', 'neck', 'core'),
      'more-passes': v('anterior', 'neck', null, NONE, FEMUR_SEEN_THROUGH),
      // From the side, through the bone: the fan of channels meets at the one small entry.
      close: v('lateral', 'entry', null, NONE, FEMUR_SEEN_THROUGH),
    },
  },
  'bone-grafting': {
    '': {
      approach: v('anterior', 'headNeckFront', null, OPEN_CAPSULE),
      window: v('anterior', 'headNeckFront', null, OPEN_CAPSULE),
      curettage: v('anterior', 'head', 'channel', OPEN_CAPSULE),
      'pack-graft': v('anterior', 'head', 'channel', OPEN_CAPSULE),
      'close-window': v('anterior', 'headNeckFront', null, OPEN_CAPSULE),
    },
    phemister: {
      incision: v('lateral', 'entry'),
      guidewire: v('anterior', 'neck', 'core'),
      tract: v('anterior', 'neck', 'core'),
      debride: v('anterior', 'head', 'core'),
      strut: v('anterior', 'neck', 'core'),
      close: v('anterior', 'neck', 'core'),
    },
  },
  'vascularised-fibula': {
    '': {
      // The fibula waits beside the hip, in line with the core, 10-15 cm long: framed with the hip (it was out of frame).
      harvest: v('anterior', 'hipAndGraft'),
      core: v('anterior', 'neck', 'core'),
      'clear-pack': v('anterior', 'head', 'core'),
      insert: v('anterior', 'neck', 'core'),
      // The vessels are joined in front of the hip, outside the bone: no cut.
      anastomosis: v('surgeon', 'entry'),
      fix: v('anterior', 'neck', 'core'),
    },
  },
  'total-hip-replacement': {
    '': {
      // The whole hip, so a patient sees which bone is which while the capsule opens.
      approach: v('anterior', 'hip', null, THR_OPEN),
      dislocate: v('anterior', 'dislocated', null, THR_DISLOCATED),
      'neck-cut': v('anterior', 'dislocated', null, THR_DISLOCATED),
      // The removed head lies cut open beside the joint until the cup is in (./replacement/removedHead.ts),
      // seen from the front with the reaming and the cup.
      'remove-head': v('anterior', 'dislocatedAndRemovedHead', null, THR_HEAD_OUT),
      'ream-acetabulum': v('anterior', 'jointAndRemovedHead', null, THR_SOCKET_PREPARED),
      cup: v('anterior', 'jointAndRemovedHead', null, THR_SOCKET_PREPARED),
      // Into the lined socket from the side (it opens lateral, down and forward): from the front
      // the shell and the liner were slivers seen edge-on.
      liner: v('lateral', 'socket', null, THR_SOCKET_PREPARED),
      // Through the bone: how the broach and the stem fill the canal and line up with the shaft.
      'broach-femur': v('anterior', 'dislocated', null, THR_SOCKET_PREPARED, FEMUR_BONE_SEEN_THROUGH),
      // The hip put back on the trial: from the front, the trial head in the liner.
      trial: v('anterior', 'joint', null, THR_SOCKET_PREPARED),
      stem: v('anterior', 'dislocated', null, THR_SOCKET_PREPARED, FEMUR_BONE_SEEN_THROUGH),
      head: v('anterior', 'dislocated', null, THR_SOCKET_PREPARED),
      reduce: v('anterior', 'joint', null, THR_SOCKET_PREPARED),
    },
  },
  'hip-resurfacing': {
    '': {
      approach: v('anterior', 'hip', null, THR_OPEN),
      // From the side: the dislocated head's dead segment faces the camera (from the front only its
      // edge showed, and the dead bone's tag fell on the rim around it).
      dislocate: v('lateral', 'dislocated', null, THR_DISLOCATED),
      cup: v('lateral', 'socket', null, HRA_SOCKET_PREPARED),
      'guide-pin': v('lateral', 'dislocatedHead', null, HRA_SOCKET_PREPARED),
      'sleeve-ream': v('lateral', 'dislocatedHead', null, HRA_HEAD_REAMED),
      'head-cut': v('lateral', 'dislocatedHead', null, HRA_HEAD_REAMED),
      chamfer: v('lateral', 'dislocatedHead', null, HRA_HEAD_REAMED),
      // From the surgeon's side, nearly down the dislocated head's axis (24° off it): the drilled hole in the flat top is seen, not edge-on.
      'peg-hole': v('surgeon', 'dislocatedHead', null, HRA_HEAD_REAMED),
      'clear-necrosis': v('lateral', 'dislocatedHead', null, HRA_HEAD_REAMED),
      cement: v('lateral', 'dislocatedHead', null, HRA_HEAD_REAMED),
      'impact-cap': v('lateral', 'dislocatedHead', null, HRA_HEAD_REAMED),
      reduce: v('anterior', 'joint', null, HRA_HEAD_REAMED),
    },
  },
}

const WHOLE_HIP: StepView = v('anterior', 'hip')

/** Room beside what a framing holds for the column of view buttons over the picture's left side (mm; a design choice, about a sixth of a framing). */
const VIEW_BUTTONS_ROOM_MM = 30

/** Whether a step has its own view (else it shows the whole hip from the front). */
export function hasStepView(procedure: ProcedureId, variant: string | null, stepId: string): boolean {
  return STEP_VIEWS[procedure][variant ?? '']?.[stepId] !== undefined
}

export function stepView(procedure: ProcedureId, variant: string | null, stepId: string): StepView {
  return STEP_VIEWS[procedure][variant ?? '']?.[stepId] ?? WHOLE_HIP
}

/**
 * The framing of a focus, from the landmarks; null for the whole hip (the named views' own
 * framing). Margins are a few millimetres around the points that must be seen. `graft` is where
 * a graft waits beside the hip (its two ends, from the plan: ./timeline.ts waitingGraft), for the
 * focus that shows it.
 */
export function focusFraming(focus: Focus, lm: HipLandmarks, graft: readonly Vec3[] = []): Framing | null {
  const head = lm.femoralHead.centre
  const R = lm.femoralHead.cartilageRadius
  const entry = lm.coreDecompressionEntry.point
  const around = (points: readonly Vec3[], margin: number): Framing => {
    const corners: Vec3[] = []
    const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity]
    for (const p of points) for (let k = 0; k < 3; k++) { lo[k] = Math.min(lo[k]!, p[k]! - margin); hi[k] = Math.max(hi[k]!, p[k]! + margin) }
    for (const x of [lo[0]!, hi[0]!]) for (const y of [lo[1]!, hi[1]!]) for (const z of [lo[2]!, hi[2]!]) corners.push([x, y, z])
    const centre: Vec3 = [(lo[0]! + hi[0]!) / 2, (lo[1]! + hi[1]!) / 2, (lo[2]! + hi[2]!) / 2]
    const radius = Math.hypot(hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!) / 2
    return { centre, radius, corners }
  }
  // The removed head where it lies: its cut face's disc and the neck stub below it, with room on
  // its lateral side: it lies lateral to the hip, on the screen's left for a right hip, where the
  // view buttons are drawn over the picture.
  const lying = removedHeadLyingPoint(lm)
  const removedHead = [madd(lying, [1, 0, 0], R), madd(lying, [-1, 0, 0], R + VIEW_BUTTONS_ROOM_MM), madd(lying, [0, 1, 0], R), madd(lying, lm.neckAxis.direction, -1.6 * R)]
  const joint = [madd(head, [1, 0, 0], -R), madd(head, [1, 0, 0], R), lm.acetabulum.lateralEdge, lm.acetabulum.teardrop]
  const dislocated = () => {
    const out = dislocatedFemur(lm)
    const shaftBelow = madd(lm.lesserTrochanterTip, lm.shaftAxis.direction, -30)
    const femur = [head, lm.greaterTrochanterTip, lm.lesserTrochanterTip, shaftBelow].map((p) => femurPointAt(out, p))
    return [lm.acetabulum.lateralEdge, lm.acetabulum.teardrop, ...femur]
  }
  switch (focus) {
    case 'hip':
      return null
    case 'hipAndGraft':
      // The joint, both trochanters and the graft lying beside them.
      return around([madd(head, [0, 1, 0], R), lm.acetabulum.lateralEdge, lm.acetabulum.teardrop, lm.greaterTrochanterTip, lm.lesserTrochanterTip, ...graft], 10)
    case 'joint':
      return around(joint, 12)
    case 'jointAndRemovedHead': {
      // With the way in along the socket's opening axis, where the reamer's and the impactor's
      // shafts come from and the safe zone's cone opens (two socket radii out).
      const { centre, radius, openingAxis } = lm.acetabulum
      return around([...joint, ...removedHead, madd(centre, openingAxis, 2 * radius)], 8)
    }
    case 'entry':
      return around([entry, lm.greaterTrochanterTip, lm.lesserTrochanterTip], 15)
    case 'neck':
      // The lateral cortex where the tools enter, the whole head, and the tray beside the hip.
      return around([entry, madd(head, [0, 1, 0], R), madd(head, [1, 0, 0], R), madd(head, [-1, 0, 0], R), trayPoint(lm)], 14)
    case 'head':
      return around([madd(head, [0, 1, 0], R), madd(head, [1, 0, 0], R), madd(head, [-1, 0, 0], R), madd(head, [0, -1, 0], R), lm.headNeckJunction.anterior], 10)
    case 'dislocated':
      // The socket and the top of the dislocated femur beside it (./replacement/dislocation.ts),
      // from the head to below the lesser trochanter, where the tools work on it.
      return around(dislocated(), 10)
    case 'dislocatedAndRemovedHead':
      return around([...dislocated(), ...removedHead], 8)
    case 'dislocatedHead': {
      // The dislocated head alone, where resurfacing's cutters shape it, with room for the cutters' ends.
      const out = dislocatedFemur(lm)
      const sides: Vec3[] = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]]
      return around(sides.map((d) => femurPointAt(out, madd(head, d, R))), 12)
    }
    case 'socket': {
      // The socket's rim all round, with room for the reamer's shaft and a glimpse of the bone
      // around it (a close-up of the rim alone did not say where in the body it is).
      const { centre, radius, openingAxis } = lm.acetabulum
      return around([centre, madd(centre, openingAxis, radius), lm.acetabulum.lateralEdge, lm.acetabulum.teardrop], radius * 0.9)
    }
    case 'headNeckFront':
      return around([lm.headNeckJunction.anterior, madd(head, [0, 1, 0], R), madd(head, [-1, 0, 0], R), lm.headNeckJunction.inferior], 14)
  }
}

/** The view data of the step shown, or null (no treatment open, or no such step). */
function shownStepView(procedure: ProcedureId | null, variant: string | null, step: number): StepView | null {
  if (!procedure) return null
  const id = stepIdsOf(procedure, variant)[step]
  return id ? stepView(procedure, variant, id) : null
}

/** Structures hidden by the treatment step shown (none when no treatment is open). */
export function hiddenByTreatment(procedure: ProcedureId | null, variant: string | null, step: number): readonly StructureId[] {
  return shownStepView(procedure, variant, step)?.hidden ?? NONE
}

/** Structures drawn see-through by the treatment step shown (none when no treatment is open). */
export function seenThroughByTreatment(procedure: ProcedureId | null, variant: string | null, step: number): readonly StructureId[] {
  return shownStepView(procedure, variant, step)?.seeThrough ?? NONE
}

/**
 * Every structure some treatment step draws see-through (their see-through looks are readied
 * ahead, so that the step does not wait for them).
 */
export const SEEN_THROUGH_BY_ANY_STEP: readonly StructureId[] = [
  ...new Set(Object.values(STEP_VIEWS).flatMap((variants) => Object.values(variants).flatMap((steps) => Object.values(steps).flatMap((view) => view.seeThrough)))),
]

/** What the named views frame at this step of a treatment. */
export function stepFocus(procedure: ProcedureId, variant: string | null, step: number): Focus {
  return shownStepView(procedure, variant, step)?.focus ?? 'hip'
}
