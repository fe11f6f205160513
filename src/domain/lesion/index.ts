/** Lesion size, JIC location type, geometry for the renderer and collapse-risk text. */
export { DEFAULT_LESION, type LesionChoice } from './choice.ts'
export { LESION_SIZE_CLASSES, type LesionSizeClass } from './sizeClasses.ts'
export { JIC_TYPES, type JicType } from './jicTypes.ts'
export {
  ACETABULAR_EDGE_DEG,
  C1_INSET_DEG,
  CRESCENT_ORIGIN,
  KERBOUL_RADIOGRAPHIC,
  MODIFIED_KERBOUL_COLLAPSE,
  crescentStart,
  C2_OVERHANG_DEG,
  CORONAL_TILT_RANGE_DEG,
  DEPTH_FRACTION,
  SAGITTAL_TILT_DEG,
  isInLesion,
  jicTypeOfLateralEdge,
  lesionGeometry,
  type LesionGeometry,
} from './geometry.ts'
export { collapseRisk, collapseRiskCitations, collapseRiskText } from './collapseRisk.ts'
