/**
 * The uniforms every patched material shares (one object per value, so a single in-place
 * write reaches all programs), and the allocation-free update from the eased stage.
 * All disease numbers come from the staging table (domain/staging, cited to the clinical
 * reference); all positions come from the model's landmarks.
 */
import { Color, Matrix3, Matrix4, Vector3, Vector4, type DataTexture } from 'three'
import { emptyCartilageMap } from './cartilageMapLayout.ts'
import { stageValue } from '../../domain/staging/stageParameters.ts'
import { VESSEL_BASELINE_FLOW, type PerfusionParameterId, type VesselFlowClass } from '../../domain/staging/vessels.ts'
import type { DiseaseAnatomy } from '../../domain/lesion/diseaseAnatomy.ts'
import type { LesionGeometry } from '../../domain/lesion/geometry.ts'
import { crescentPath } from '../../domain/lesion/geometry.ts'
import { collapseCentre } from '../../domain/lesion/collapse.ts'
import { HEAD_MIGRATION_DIRECTION } from '../../domain/staging/migration.ts'
import { DISEASE_PALETTE } from './palette.ts'

const DEG = Math.PI / 180

export interface DiseaseUniforms {
  [name: string]: { value: unknown }
  uTime: { value: number }
  uHeadCentre: { value: Vector3 }
  uHeadRadius: { value: number }
  uCartDome: { value: number }
  /** The lesion (domain/lesion/geometry.ts, scene/disease/lesionGlsl.ts): bowl centre, frame and half-axes. */
  uLesionCentre: { value: Vector3 }
  uLesionAxis: { value: Vector3 }
  uLesionLateral: { value: Vector3 }
  uLesionAnterior: { value: Vector3 }
  uLesionAxes: { value: Vector3 }
  uCrescentDir: { value: Vector3 }
  /** Angular length (rad) of the fracture's path under the plate at full crescent extent. */
  uCrescentSpan: { value: number }
  uNeckDir: { value: Vector3 }
  uJunctionAngle: { value: number }
  uAcetRim: { value: number }
  uPulses: { value: number }
  uAcetCentre: { value: Vector3 }
  uAcetRadius: { value: number }
  uAcetAxis: { value: Vector3 }
  uAcetRoof: { value: number }
  uIschaemia: { value: number }
  uDemarcation: { value: number }
  uInterface: { value: number }
  uSclerotic: { value: number }
  uOedema: { value: number }
  uCrescent: { value: number }
  uCollapseMm: { value: number }
  uCollapseDir: { value: Vector3 }
  uCartLesion: { value: number }
  uCartElsewhere: { value: number }
  uAcetCart: { value: number }
  uOsteophytes: { value: number }
  uAcetSclerosis: { value: number }
  /** Stage IV migration of the femur (model frame, mm): see domain/staging/migration.ts. */
  uHeadShift: { value: Vector3 }
  /** Healthy superior joint space, mm (landmarks). */
  uJointSpaceRest: { value: number }
  /** The joint space now (staging table), mm: the head is worn flat where it would come closer. */
  uJointSpace: { value: number }
  uShowThrough: { value: number }
  /** 1 in the disease view: dead bone's surface is dotted, as the key says; 0 while an operation is shown (its surface is plain grey). */
  uDeadDots: { value: number }
  uSeeThrough: { value: number }
  /** Radius of the cutaway window at the head centre's depth, mm; 0 = closed (domain/cutaway.ts). */
  uWinRadius: { value: number }
  /** World → model frame (the model may be mirrored for a left hip): for the section caps and the window. */
  uWorldToModel: { value: Matrix4 }
  uColPerfused: { value: Color }
  uColIschaemic: { value: Color }
  uColDead: { value: Color }
  uColOedema: { value: Color }
  uColInterface: { value: Color }
  uColSclerotic: { value: Color }
  uColCyst: { value: Color }
  uColOccluded: { value: Color }
  /** The cartilage sheets' thicknesses by direction (./cartilageMap.ts), and 1 once it is made. */
  uCartMap: { value: DataTexture }
  uCartMapReady: { value: number }
  /** Each sheet's frame → its map's (./cartilageMapLayout.ts mapBasis). */
  uCartHeadBasis: { value: Matrix3 }
  uCartSocketBasis: { value: Matrix3 }
}

export function createDiseaseUniforms(): DiseaseUniforms {
  return {
    uTime: { value: 0 },
    uHeadCentre: { value: new Vector3() },
    uHeadRadius: { value: 23 },
    uCartDome: { value: 2 },
    uLesionCentre: { value: new Vector3(0, 23, 0) },
    uLesionAxis: { value: new Vector3(0, 1, 0) },
    uLesionLateral: { value: new Vector3(-1, 0, 0) },
    uLesionAnterior: { value: new Vector3(0, 0, 1) },
    uLesionAxes: { value: new Vector3(10, 10, 10) },
    uCrescentDir: { value: new Vector3(0, 1, 0) },
    uCrescentSpan: { value: 1 },
    uNeckDir: { value: new Vector3(-1, -1, 0).normalize() },
    uJunctionAngle: { value: 0.7 },
    uAcetRim: { value: 1.4 },
    uPulses: { value: 1 },
    uAcetCentre: { value: new Vector3() },
    uAcetRadius: { value: 27 },
    uAcetAxis: { value: new Vector3(-1, -1, 0).normalize() },
    uAcetRoof: { value: 2 },
    uIschaemia: { value: 0 },
    uDemarcation: { value: 0 },
    uInterface: { value: 0 },
    uSclerotic: { value: 0 },
    uOedema: { value: 0 },
    uCrescent: { value: 0 },
    uCollapseMm: { value: 0 },
    uCollapseDir: { value: new Vector3(0, 1, 0) },
    uCartLesion: { value: 1 },
    uCartElsewhere: { value: 1 },
    uAcetCart: { value: 1 },
    uOsteophytes: { value: 0 },
    uAcetSclerosis: { value: 0 },
    uHeadShift: { value: new Vector3() },
    uJointSpaceRest: { value: 4.2 },
    uJointSpace: { value: 4.2 },
    uShowThrough: { value: 0.45 },
    uDeadDots: { value: 1 },
    uSeeThrough: { value: 0 },
    uWinRadius: { value: 0 },
    uWorldToModel: { value: new Matrix4() },
    uColPerfused: { value: new Color(DISEASE_PALETTE.perfused) },
    uColIschaemic: { value: new Color(DISEASE_PALETTE.ischaemic) },
    uColDead: { value: new Color(DISEASE_PALETTE.dead) },
    uColOedema: { value: new Color(DISEASE_PALETTE.oedema) },
    uColInterface: { value: new Color(DISEASE_PALETTE.interface) },
    uColSclerotic: { value: new Color(DISEASE_PALETTE.sclerotic) },
    uColCyst: { value: new Color(DISEASE_PALETTE.cyst) },
    uColOccluded: { value: new Color(DISEASE_PALETTE.arteryOccluded) },
    uCartMap: { value: emptyCartilageMap() },
    uCartMapReady: { value: 0 },
    uCartHeadBasis: { value: new Matrix3() },
    uCartSocketBasis: { value: new Matrix3() },
  }
}

/**
 * Anatomy and lesion placement: set when the model or the lesion choice changes. Every value is
 * written from `anatomy` and `lesion` (domain/lesion/diseaseAnatomy.ts), none is read back from
 * a uniform, so the result does not depend on what was applied before.
 */
export function applyAnatomy(u: DiseaseUniforms, anatomy: DiseaseAnatomy, lesion: LesionGeometry): void {
  const c = anatomy.headCentre
  u.uHeadCentre.value.set(c[0], c[1], c[2])
  u.uHeadRadius.value = anatomy.headRadius
  u.uCartDome.value = anatomy.headCartilageMm
  u.uJointSpaceRest.value = anatomy.jointSpaceRestMm
  const R = lesion.radius
  u.uLesionAxis.value.set(...lesion.centre)
  u.uLesionCentre.value.set(c[0] + lesion.centre[0] * R, c[1] + lesion.centre[1] * R, c[2] + lesion.centre[2] * R)
  u.uLesionLateral.value.set(...lesion.lateral)
  u.uLesionAnterior.value.set(...lesion.anterior)
  u.uLesionAxes.value.set(...lesion.semiAxesMm)
  u.uCollapseDir.value.set(...collapseCentre(lesion)).normalize()
  const crack = crescentPath(lesion)
  u.uCrescentDir.value.set(...crack.start).normalize()
  u.uCrescentSpan.value = crack.spanDeg * DEG
  u.uNeckDir.value.set(...anatomy.neckDir)
  u.uJunctionAngle.value = anatomy.junctionAngle
  u.uAcetCentre.value.set(...anatomy.acetCentre)
  u.uAcetAxis.value.set(...anatomy.acetAxis)
  u.uAcetRim.value = anatomy.rimAngle
  u.uAcetRadius.value = anatomy.acetRadius
  u.uAcetRoof.value = anatomy.acetCartilageMm
}

/**
 * Stage-driven values, straight from the staging table. Allocation-free: runs every eased frame.
 * `migrationMm` gives the femur's stage IV migration (domain/staging/migration.ts) for the hip and
 * lesion shown.
 */
export function applyStage(u: DiseaseUniforms, s: number, migrationMm: (s: number) => number = () => 0): void {
  u.uIschaemia.value = 1 - stageValue('headTerritoryPerfusion', s) / 100
  u.uDemarcation.value = stageValue('lesionDemarcation', s)
  u.uInterface.value = stageValue('reactiveInterface', s)
  u.uSclerotic.value = stageValue('scleroticRim', s)
  u.uOedema.value = stageValue('marrowOedema', s)
  u.uCrescent.value = stageValue('crescentExtent', s)
  u.uCollapseMm.value = stageValue('collapseDepthMm', s)
  u.uCartLesion.value = stageValue('cartilageOverLesion', s)
  u.uCartElsewhere.value = stageValue('cartilageElsewhere', s)
  u.uAcetCart.value = stageValue('acetabularCartilage', s)
  u.uOsteophytes.value = stageValue('osteophytes', s)
  u.uAcetSclerosis.value = stageValue('acetabularSclerosis', s)
  u.uJointSpace.value = stageValue('jointSpaceMm', s)
  const [mx, my, mz] = HEAD_MIGRATION_DIRECTION.value
  const shift = migrationMm(s)
  u.uHeadShift.value.set(mx * shift, my * shift, mz * shift)
}

/**
 * Whether any stage value, the see-through tint or the cutaway window departs from the healthy, opaque hip, i.e.
 * whether the shaders need their disease code (see patchMaterials.ts: a healthy hip, the
 * default view and the whole anatomy explorer, draws with the plain programs).
 */
export function diseaseShows(u: DiseaseUniforms): boolean {
  return (
    u.uIschaemia.value > 0 || u.uDemarcation.value > 0 || u.uInterface.value > 0 || u.uSclerotic.value > 0 ||
    u.uOedema.value > 0 || u.uCrescent.value > 0 || u.uCollapseMm.value > 0 || u.uCartLesion.value < 1 ||
    u.uCartElsewhere.value < 1 || u.uAcetCart.value < 1 || u.uOsteophytes.value > 0 || u.uAcetSclerosis.value > 0 ||
    u.uSeeThrough.value > 0 || u.uWinRadius.value > 0
  )
}

/** Visual weight of each baseline flow class: how fast and bright its pulses are drawn [design choice]. */
export const FLOW_CLASS_WEIGHT: Readonly<Record<VesselFlowClass, number>> = { main: 1, minor: 0.7, trace: 0.4 }

/** Per-artery uniforms: its perfusion group and its share of normal flow now. */
export interface ArteryUniforms {
  [name: string]: { value: unknown }
  uPerfusion: { value: number }
  uFlowWeight: { value: number }
  /** Accumulated pulse offset along the vessel, mm (advanced by rate × time, so rate changes never jump). */
  uPhase: { value: number }
  /**
   * The vessel's open ends (domain/anatomy/vesselEnds.ts), as arc lengths (TEXCOORD_0.x, mm):
   * x where it begins (and fades in from), y the fade's length at the origin (0: a joined end);
   * z where it ends, w the fade's length there.
   */
  uOpenEnds: { value: Vector4 }
}

export function createArteryUniforms(group: PerfusionParameterId): ArteryUniforms {
  return { uPerfusion: { value: 1 }, uFlowWeight: { value: FLOW_CLASS_WEIGHT[VESSEL_BASELINE_FLOW[group].value] }, uPhase: { value: 0 }, uOpenEnds: { value: new Vector4() } }
}
