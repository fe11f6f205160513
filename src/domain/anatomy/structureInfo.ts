/**
 * Names (plain and anatomical) and two-line descriptions of every structure. Apart from
 * ./structures.ts so that the ids, which the first download needs, do not bring the texts,
 * which only the explorer panels (loaded after the first picture) show.
 */
import type { StructureGroup, StructureId } from './structures.ts'

export interface StructureInfo {
  /** Stable id; equals the glTF node name. */
  readonly id: StructureId
  readonly group: StructureGroup
  /** Plain words for patients. */
  readonly plainName: string
  /** Anatomical term for students and clinicians. */
  readonly term: string
  /** Two short lines: what it is, and why it matters here. */
  readonly description: string
}

const s = (
  id: StructureId,
  group: StructureGroup,
  plainName: string,
  term: string,
  description: string,
): StructureInfo => ({ id, group, plainName, term, description })

/**
 * Names and two-line descriptions, written for this app from the facts in
 * /work/shared/reference/clinical.md (§2 anatomy, §3 blood supply). The first line says
 * what the structure is, the second why it matters for osteonecrosis of the head.
 */
export const STRUCTURES: Record<StructureId, StructureInfo> = {
  femur: s(
    'femur',
    'bone',
    'Thigh bone',
    'Femur (proximal part)',
    'The ball (femoral head), neck, trochanters and upper shaft of the thigh bone.\n' +
      'Osteonecrosis kills bone in the head under the cartilage, usually in the front-top part.',
  ),
  hipBone: s(
    'hipBone',
    'bone',
    'Hip bone',
    'Os coxae (ilium, ischium, pubis)',
    'The pelvic bone with the socket (acetabulum) that holds the ball of the thigh bone.\n' +
      'Its roof bears the body weight on the front-top part of the femoral head.',
  ),
  femurCancellous: s(
    'femurCancellous',
    'bone',
    'Spongy bone of the femoral head and neck',
    'Cancellous (trabecular) bone',
    'The lattice of bone and marrow inside the head, neck and trochanters, under a thin cortex.\n' +
      'This is the bone that dies in osteonecrosis and that core decompression drills into.',
  ),
  femoralHeadCartilage: s(
    'femoralHeadCartilage',
    'cartilage',
    'Cartilage of the ball',
    'Articular cartilage of the femoral head',
    'A smooth layer about 2 mm thick at the top of the head, thinning to about 1 mm at its edge.\n' +
      'It survives early disease but cracks and flakes once the bone beneath it collapses.',
  ),
  acetabularCartilage: s(
    'acetabularCartilage',
    'cartilage',
    'Cartilage of the socket',
    'Articular cartilage of the lunate surface',
    'The horseshoe-shaped cartilage lining the socket, thickest under the roof.\n' +
      'With the head cartilage it makes the joint space seen on X-ray, which narrows only late.',
  ),
  labrum: s(
    'labrum',
    'soft-tissue',
    'Rim of the socket',
    'Acetabular labrum',
    'A ring of fibrocartilage around the socket rim, widest at the front and top.\n' +
      'It deepens the socket by about a third and seals the joint.',
  ),
  transverseAcetabularLigament: s(
    'transverseAcetabularLigament',
    'soft-tissue',
    'Ligament across the socket notch',
    'Transverse acetabular ligament',
    'A strong band bridging the notch at the bottom of the socket, continuous with the labrum.\n' +
      'Surgeons use it as a landmark when placing the cup of a hip replacement.',
  ),
  ligamentumTeres: s(
    'ligamentumTeres',
    'soft-tissue',
    'Round ligament of the ball',
    'Ligamentum teres (ligament of the head of the femur)',
    'A ligament from the socket notch to the small pit (fovea) on the femoral head.\n' +
      'It carries a tiny artery that feeds only a small area around the fovea in adults.',
  ),
  jointCapsule: s(
    'jointCapsule',
    'soft-tissue',
    'Joint capsule',
    'Capsule of the hip joint (with iliofemoral, pubofemoral, ischiofemoral ligaments)',
    'A fibrous sleeve from the socket rim to the base of the neck, thickest in front and on top.\n' +
      'The arteries that feed the head run inside it along the neck, where swelling can press on them.',
  ),
  femoralArtery: s(
    'femoralArtery',
    'artery',
    'Main thigh artery',
    'Common and superficial femoral artery',
    'The main artery of the leg, running down in front of the hip joint.\n' +
      'Its deep branch gives the two circumflex arteries that supply the femoral head.',
  ),
  deepFemoralArtery: s(
    'deepFemoralArtery',
    'artery',
    'Deep thigh artery',
    'Profunda femoris (deep femoral) artery',
    'The large deep branch of the femoral artery, going down behind it.\n' +
      'In about half of hips both circumflex arteries arise from it.',
  ),
  medialCircumflexArtery: s(
    'medialCircumflexArtery',
    'artery',
    'Inner artery around the thigh bone',
    'Medial femoral circumflex artery (MFCA)',
    'Winds from the front, around the inner side to the back of the upper femur.\n' +
      'It supplies about 82% of the femoral head: the most important artery here.',
  ),
  mfcaDeepBranch: s(
    'mfcaDeepBranch',
    'artery',
    'Deep branch of the inner circumflex artery',
    'Deep branch of the MFCA',
    'Runs behind obturator externus and in front of the short external rotators, then enters the capsule.\n' +
      'Damage to it during surgery or injury can cut off most of the head’s blood supply.',
  ),
  posterosuperiorRetinacularArteries: s(
    'posterosuperiorRetinacularArteries',
    'artery',
    'Upper-back neck arteries',
    'Posterosuperior (lateral epiphyseal) retinacular arteries',
    'Two to four small arteries running under the synovium along the back-top of the neck into the head.\n' +
      'They feed the weight-bearing dome. A neck fracture or dislocation can tear them; in the common, non-injury disease they stay open and the circulation fails inside the bone.',
  ),
  lateralCircumflexArtery: s(
    'lateralCircumflexArtery',
    'artery',
    'Outer artery around the thigh bone',
    'Lateral femoral circumflex artery (LFCA)',
    'Runs outward in front of the femoral neck, forming the front of the ring around the neck base.\n' +
      'It supplies about 18% of the head, mostly the lower front part.',
  ),
  lfcaAscendingBranch: s(
    'lfcaAscendingBranch',
    'artery',
    'Ascending branch of the outer circumflex artery',
    'Ascending branch of the LFCA',
    'Climbs along the intertrochanteric line toward the greater trochanter.\n' +
      'It is the usual recipient artery when a vascularised fibula graft is connected.',
  ),
  anteriorRetinacularArtery: s(
    'anteriorRetinacularArtery',
    'artery',
    'Front neck artery',
    'Anterior retinacular artery',
    'A small branch along the front of the neck up to the edge of the head cartilage.\n' +
      'It adds a little blood to the front of the head and neck.',
  ),
  inferiorRetinacularArtery: s(
    'inferiorRetinacularArtery',
    'artery',
    'Lower neck artery',
    'Inferior retinacular (Weitbrecht) artery',
    'A branch of the medial circumflex artery running along the underside of the neck.\n' +
      'It helps keep the lower and inner head alive, which is why that part usually survives.',
  ),
  obturatorArtery: s(
    'obturatorArtery',
    'artery',
    'Obturator artery',
    'Obturator artery',
    'A pelvic artery that leaves through the top of the obturator foramen.\n' +
      'Its acetabular branch enters the socket under the transverse ligament.',
  ),
  ligamentumTeresArtery: s(
    'ligamentumTeresArtery',
    'artery',
    'Artery of the round ligament',
    'Artery of the ligamentum teres (foveal artery)',
    'A very thin artery inside the round ligament, reaching the head at the fovea.\n' +
      'In adults it feeds only a small area and cannot prevent osteonecrosis.',
  ),
}
