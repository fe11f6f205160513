/**
 * Registers only the three.js classes our JSX uses. R3F's <Canvas> registers the whole THREE
 * namespace (about 400 KB of minified code that tree-shaking can then never drop); building the
 * root ourselves with createRoot + extend keeps the first download inside its budget.
 * Add a class here when a component starts using a new intrinsic element.
 */
import { extend } from '@react-three/fiber'
import {
  AmbientLight,
  BufferGeometry,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  MeshPhysicalMaterial,
  MeshStandardMaterial,
  PointLight,
  SphereGeometry,
  CylinderGeometry,
  TorusGeometry,
  LineBasicMaterial,
  LineSegments,
  Points,
  PointsMaterial,
  ShaderMaterial,
  BufferAttribute,
  Color,
} from 'three'

let registered = false

export function registerThreeElements(): void {
  if (registered) return
  registered = true
  extend({
    AmbientLight,
    BufferGeometry,
    DirectionalLight,
    Group,
    HemisphereLight,
    Mesh,
    MeshBasicMaterial,
    MeshPhysicalMaterial,
    MeshStandardMaterial,
    PointLight,
    SphereGeometry,
    CylinderGeometry,
    TorusGeometry,
    LineBasicMaterial,
    LineSegments,
    Points,
    PointsMaterial,
    ShaderMaterial,
    BufferAttribute,
    Color,
  })
}
