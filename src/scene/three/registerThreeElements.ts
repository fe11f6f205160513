/**
 * Registers only the three.js classes our JSX uses. R3F's <Canvas> registers the whole THREE
 * namespace (about 400 KB of minified code that tree-shaking can then never drop); building the
 * root ourselves with createRoot + extend keeps the first download inside its budget.
 * Add a class here when a component starts using a new intrinsic element (<mesh>, ...).
 */
import { extend } from '@react-three/fiber'
import { DirectionalLight, Group, HemisphereLight, Mesh } from 'three'

let registered = false

export function registerThreeElements(): void {
  if (registered) return
  registered = true
  extend({ DirectionalLight, Group, HemisphereLight, Mesh })
}
