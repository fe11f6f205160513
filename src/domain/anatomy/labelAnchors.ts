/**
 * Where the named labels point: landmarks of the generated model (never hard-coded
 * coordinates), each with a plain name for patients and the anatomical term, the structure it
 * belongs to (a hidden structure hides its labels) and a priority (small screens show fewer).
 */
import type { HipLandmarks, Vec3 } from './landmarks.ts'
import type { StructureId } from './structures.ts'

export interface LabelAnchor {
  readonly id: string
  readonly plainName: string
  readonly term: string
  readonly structure: StructureId
  /** 1 = always shown; 2 = shown when there is room. */
  readonly priority: 1 | 2
  readonly at: (l: HipLandmarks) => Vec3
}

/** Unit direction (model frame: +Y up, +Z front) to the front of the head, a little below its equator. */
const FRONT_BELOW_RIM: Vec3 = [0, -0.2425, 0.9701]

const along = (p: Vec3, d: Vec3, t: number): Vec3 => [p[0] + d[0] * t, p[1] + d[1] * t, p[2] + d[2] * t]

export const LABEL_ANCHORS: readonly LabelAnchor[] = [
  {
    id: 'femoralHead', plainName: 'Ball (head of the thigh bone)', term: 'Femoral head', structure: 'femoralHeadCartilage', priority: 1,
    // The front of the head just below the socket rim (the rim covers its top in a front view).
    at: (l) => along(l.femoralHead.centre, FRONT_BELOW_RIM, l.femoralHead.cartilageRadius),
  },
  {
    id: 'femoralNeck', plainName: 'Neck of the thigh bone', term: 'Femoral neck', structure: 'femur', priority: 1,
    // A little down the neck from the anterior head–neck junction.
    at: (l) => along(l.headNeckJunction.anterior, l.neckAxis.direction, -8),
  },
  { id: 'greaterTrochanter', plainName: 'Bony bump on the outer hip', term: 'Greater trochanter', structure: 'femur', priority: 1, at: (l) => l.greaterTrochanterTip },
  { id: 'lesserTrochanter', plainName: 'Small inner bump', term: 'Lesser trochanter', structure: 'femur', priority: 2, at: (l) => l.lesserTrochanterTip },
  { id: 'acetabularRoof', plainName: 'Roof of the socket', term: 'Acetabular roof (sourcil)', structure: 'hipBone', priority: 1, at: (l) => l.acetabulum.lateralEdge },
  { id: 'asis', plainName: 'Front point of the pelvis', term: 'Anterior superior iliac spine', structure: 'hipBone', priority: 2, at: (l) => l.pelvis.asis },
  { id: 'aiis', plainName: 'Lower front point', term: 'Anterior inferior iliac spine', structure: 'hipBone', priority: 2, at: (l) => l.pelvis.aiis },
  { id: 'ischialTuberosity', plainName: 'Sitting bone', term: 'Ischial tuberosity', structure: 'hipBone', priority: 2, at: (l) => l.pelvis.ischialTuberosity },
  { id: 'ischialSpine', plainName: 'Spine of the sitting bone', term: 'Ischial spine', structure: 'hipBone', priority: 2, at: (l) => l.pelvis.ischialSpine },
  { id: 'pubicTubercle', plainName: 'Front of the pubic bone', term: 'Pubic tubercle', structure: 'hipBone', priority: 2, at: (l) => l.pelvis.pubicTubercle },
  { id: 'obturatorForamen', plainName: 'Opening in the pelvis', term: 'Obturator foramen', structure: 'hipBone', priority: 2, at: (l) => l.pelvis.obturatorForamen },
]
