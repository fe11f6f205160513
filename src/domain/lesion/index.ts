/** Lesion size, JIC location type, geometry for the renderer and collapse-risk text. */
export { DEFAULT_LESION, type LesionChoice } from './choice.ts'
export { LESION_SIZE_CLASSES, type LesionSizeClass } from './sizeClasses.ts'
export { JIC_TYPES, type JicType } from './jicTypes.ts'
export {
  C2_OVERHANG_DEG,
  CRESCENT_DEPTH_MM,
  CRESCENT_ORIGIN,
  DEFAULT_LESION_ANATOMY,
  FOVEA_CLEARANCE_DEG,
  INTERFACE_WAVES,
  KERBOUL_RADIOGRAPHIC,
  LESION_SHAPES,
  MODIFIED_KERBOUL_COLLAPSE,
  crescentPath,
  crescentStart,
  interfaceDistance,
  isInLesion,
  lesionBox,
  jicTypeOfLateralEdge,
  lesionAnatomyOf,
  lesionGeometry,
  lesionVolumeFraction,
  weightBearingPortion,
  type LesionAnatomy,
  type LesionGeometry,
  type LesionShape,
  type WeightBearingPortion,
} from './geometry.ts'
export { collapseRisk, collapseRiskCitations, collapseRiskText, collapsedRisk, courseNote, lesionAdvice, rarelyCollapses } from './collapseRisk.ts'
