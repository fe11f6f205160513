/**
 * The materials of the instruments and pieces: one shared material per role, made on first use
 * and kept for the page's life (a handful; they hold no textures). Nothing else changes them, so
 * no feature can tint a tool by patching a material another tool shares.
 *
 * Steel without an environment map: a fully metallic material reflects only its surroundings
 * and reads black under direct lights alone. The app has no environment map (none may come from
 * a CDN, and a PMREM render target comes back empty after a context loss), so the steel is a
 * half-metal: a light grey base that the studio lights shade like brushed stainless, with a
 * tight highlight. Calm, distinct from ivory bone, and the same after a context loss.
 *
 * Bone pieces use the model's own bone looks (../model/hipMaterials.ts) and the disease palette's
 * dead-bone grey, so a core or a graft reads as the same tissue as the hip it came from.
 */
import { Color, MeshStandardMaterial, type Material, type Plane } from 'three'
import { createMaterial } from '../model/hipMaterials.ts'
import { withCutFaceLook } from '../model/cutFaceLook.ts'
import { DISEASE_PALETTE } from '../disease/palette.ts'
import { paintCutFaces } from './pieceCutLook.ts'

export type TreatmentMaterialRole =
  /** Stainless instrument steel: shafts, wires, blades. */
  | 'steel'
  /** Darker steel for working edges and chucks, so a tooth or a jaw reads against the shaft. */
  | 'darkSteel'
  /** A hand-held grip (polymer): the handles of curettes, tamps and the marrow needle. */
  | 'grip'
  /** Cortical bone (the lateral end of a core, a strut, a window, the fibula). */
  | 'cortex'
  /** Cancellous bone (inside a core, the window's inner face). */
  | 'cancellous'
  /** Cancellous graft chips: each chip's shade comes from its instance colour. */
  | 'graftChips'
  /** Necrotic bone at the deep end of a core. */
  | 'dead'
  /** Bone-marrow cells (aspirate concentrate): dark red, wet. */
  | 'marrow'
  /** A drilled channel seen through the bone: blood-dark, opaque, so a 3-mm track reads inside see-through bone. */
  | 'channel'
  /** The fibula's medullary canal. */
  | 'medulla'
  /** The peroneal artery on the fibula. */
  | 'artery'
  /** The peroneal veins on the fibula. */
  | 'vein'
  /** A syringe's clear barrel: see-through, so the marrow drawn into it shows. */
  | 'barrel'
  /** The stitched join of two vessels (the anastomosis): pale, so the join reads against red and blue. */
  | 'suture'
  /** The porous-coated outside of a press-fit shell: matte titanium. */
  | 'porousTitanium'
  /** Satin titanium alloy: stems and the shell's inside. */
  | 'titanium'
  /** Polished cobalt-chrome: resurfacing cap and cup, a metal head (brighter and warmer than steel). */
  | 'cobaltChrome'
  /** A ceramic head: pale ivory, glossy. */
  | 'ceramic'
  /** Highly cross-linked polyethylene: white, slightly translucent. */
  | 'polyethylene'
  /** Bone cement (PMMA), tinted as common gentamicin cements are. */
  | 'cement'
  /**
   * Cement packed into the shaped head: the look of 'cement', pushed back in depth so that bone
   * cut to the same surface (the reamed head) is drawn over it and only the filled defects show.
   */
  | 'cementFill'

/** Every role, once (the compiler checks the list is complete): what ./warmPrograms.ts compiles ahead. */
const ROLES: Record<TreatmentMaterialRole, true> = {
  steel: true, darkSteel: true, grip: true, cortex: true, cancellous: true, graftChips: true, dead: true, marrow: true,
  channel: true, medulla: true, artery: true, vein: true, barrel: true, suture: true, porousTitanium: true, titanium: true,
  cobaltChrome: true, ceramic: true, polyethylene: true, cement: true, cementFill: true,
}
export const TREATMENT_MATERIAL_ROLES = Object.keys(ROLES) as readonly TreatmentMaterialRole[]

const made = new Map<TreatmentMaterialRole, Material>()

function make(role: TreatmentMaterialRole): Material {
  switch (role) {
    case 'steel':
      return new MeshStandardMaterial({ color: new Color('#d3d8de'), metalness: 0.25, roughness: 0.3 })
    case 'darkSteel':
      return new MeshStandardMaterial({ color: new Color('#99a0a8'), metalness: 0.3, roughness: 0.34 })
    case 'grip':
      // Blue-grey polymer: no bone or disease colour is near it (design choice).
      return new MeshStandardMaterial({ color: new Color('#3f5468'), metalness: 0, roughness: 0.55 })
    case 'cortex':
      return createMaterial('bone', false)
    case 'cancellous':
      return createMaterial('cancellous', false)
    case 'graftChips':
      // White base: the vertex colours give each chip its shade of cancellous bone. Lit as cut
      // bone is (../model/cutFaceLook.ts): no facet of the packed graft reads as a black gap.
      return withCutFaceLook(new MeshStandardMaterial({ color: new Color('#ffffff'), roughness: 0.92, metalness: 0, flatShading: true, vertexColors: true }), 'everywhere')
    case 'dead':
      return new MeshStandardMaterial({ color: new Color(DISEASE_PALETTE.dead), roughness: 0.9, metalness: 0 })
    case 'marrow':
      // A fluid, not a solid: darker than the arteries' red, matte, partly see-through (design choice).
      return new MeshStandardMaterial({ color: new Color('#5c0f16'), roughness: 0.7, metalness: 0, transparent: true, opacity: 0.78 })
    case 'channel':
      // Darker than the marrow cells and the arteries (design choice): a thin line, not a vessel.
      return new MeshStandardMaterial({ color: new Color('#3d0a0f'), roughness: 0.6, metalness: 0 })
    case 'medulla':
      // Fatty (yellow) marrow: the marrow of an adult's long-bone shaft; the red of the artery
      // beside it read as blood in the canal, then a mustard read too strong (surgeon's reviews).
      return new MeshStandardMaterial({ color: new Color('#e3c171'), roughness: 0.8, metalness: 0 })
    case 'artery':
      return createMaterial('artery', false)
    case 'vein':
      // Illustration blue for veins (no vein look exists in the model yet; design choice).
      return new MeshStandardMaterial({ color: new Color('#34508f'), roughness: 0.35, metalness: 0 })
    case 'barrel':
      // Clear polypropylene (design choice): drawn after the opaque parts, not hiding them.
      return new MeshStandardMaterial({ color: new Color('#eef3f6'), roughness: 0.2, metalness: 0, transparent: true, opacity: 0.35, depthWrite: false })
    case 'suture':
      // A pale ring where the pedicle meets the branch (design choice: no tissue colour is near it).
      return new MeshStandardMaterial({ color: new Color('#f1e3a6'), roughness: 0.5, metalness: 0 })
    // Implant looks (design choices; half-metals for the reason given above).
    case 'porousTitanium':
      return new MeshStandardMaterial({ color: new Color('#9d9a94'), metalness: 0.15, roughness: 0.95 })
    case 'titanium':
      return new MeshStandardMaterial({ color: new Color('#b9bcc0'), metalness: 0.3, roughness: 0.42 })
    case 'cobaltChrome':
      return new MeshStandardMaterial({ color: new Color('#e4e6ea'), metalness: 0.35, roughness: 0.16 })
    case 'ceramic':
      return new MeshStandardMaterial({ color: new Color('#f1ece0'), metalness: 0, roughness: 0.12 })
    case 'polyethylene':
      // Slightly see-through, so the head's seat reads inside it; it writes depth like a solid.
      return new MeshStandardMaterial({ color: new Color('#f7f7f2'), metalness: 0, roughness: 0.55, transparent: true, opacity: 0.86 })
    case 'cement':
      return new MeshStandardMaterial({ color: new Color('#c9d8b0'), metalness: 0, roughness: 0.8 })
    case 'cementFill':
      return new MeshStandardMaterial({ color: new Color('#c9d8b0'), metalness: 0, roughness: 0.8, polygonOffset: true, polygonOffsetFactor: 2, polygonOffsetUnits: 2 })
  }
}

export function treatmentMaterial(role: TreatmentMaterialRole): Material {
  let material = made.get(role)
  if (!material) {
    material = make(role)
    material.name = `treatment:${role}`
    made.set(role, material)
  }
  return material
}

/**
 * What each tissue of a piece shows where the cross-section cuts it (./pieceCutLook.ts; design
 * choices). Cortex is the femur's own cortical cut colour (../section/sectionCaps.ts), so a graft
 * reads as the same tissue as the bone round it (surgeon's review). The canal's wall backs onto
 * the fibula's cortex, so its inside is cortex.
 */
const CUT_COLOURS = {
  cortex: '#f2e6cb',
  cancellous: '#d8b48c',
  graftChips: '#e4cfa6',
  dead: DISEASE_PALETTE.dead,
  marrow: '#5c0f16',
  channel: '#3d0a0f',
  medulla: '#f2e6cb',
  artery: '#8e1b20',
  vein: '#26386a',
  suture: '#d9c88c',
} as const satisfies Partial<Record<TreatmentMaterialRole, string>>

/** The roles of tissue the cross-section cuts (domain/treatment/pieceSection.ts): what ./warmPrograms.ts readies cut. */
export const CUT_PIECE_ROLES = Object.keys(CUT_COLOURS) as readonly (keyof typeof CUT_COLOURS)[]

const cutMade = new WeakMap<Readonly<Plane>, Map<TreatmentMaterialRole, Material>>()

/**
 * A piece's look when the cross-section cuts it: `role`'s look clipped by `plane` (the hip's
 * cutting plane, or ./pieceCutLook.ts UNCUT_PLANE for a piece set aside), its cut faces
 * painted. One material per plane and role, kept for the page's life like the others.
 */
export function cutPieceMaterial(role: TreatmentMaterialRole, plane: Readonly<Plane>): Material {
  let forPlane = cutMade.get(plane)
  if (!forPlane) {
    forPlane = new Map()
    cutMade.set(plane, forPlane)
  }
  let material = forPlane.get(role)
  if (!material) {
    material = make(role)
    material.name = `treatment:${role}:cut`
    material.clippingPlanes = [plane as Plane]
    const cut = (CUT_COLOURS as Partial<Record<TreatmentMaterialRole, string>>)[role]
    paintCutFaces(material, new Color(cut ?? CUT_COLOURS.cortex))
    forPlane.set(role, material)
  }
  return material
}
