/**
 * Cortical strut graft (Phemister): a strip of cortical bone pushed up the core to prop the
 * subchondral plate (clinical.md §6.2, "classic description" [V]). Drawn as a slightly irregular
 * rod of cortex, so it reads as a piece of bone and not as a turned steel pin; built at unit
 * size and stretched to the piece's radius and length.
 */
import type { ObjectModel } from '../objectModel.ts'
import { Surface, type P3 } from '../shapes/surface.ts'

/** Corners of the strut's section, as fractions of its radius (design choice: a cut cortical strip). */
const SECTION = [1, 0.86, 0.97, 0.9, 1, 0.84, 0.95, 0.88, 0.98]

function unitStrut() {
  const s = new Surface()
  const n = SECTION.length
  const corner = (i: number, y: number): P3 => {
    const a = (i / n) * Math.PI * 2
    const r = SECTION[i % n]!
    return [r * Math.cos(a), y, -r * Math.sin(a)]
  }
  for (let i = 0; i < n; i++) {
    const a = corner(i, -1)
    const b = corner(i + 1, -1)
    const mid = ((i + 0.5) / n) * Math.PI * 2
    s.flatQuad(a, b, corner(i + 1, 0), corner(i, 0), [Math.cos(mid), 0, -Math.sin(mid)])
    s.triangle([0, 0, 0], corner(i, 0), corner(i + 1, 0), [0, 1, 0], [0, 1, 0], [0, 1, 0])
    s.triangle([0, -1, 0], a, b, [0, -1, 0], [0, -1, 0], [0, -1, 0])
  }
  return s.toGeometry()
}

export function buildCorticalStrut(): ObjectModel {
  return {
    parts: [
      {
        name: 'bone',
        geometry: unitStrut(),
        material: 'cortex',
        working: true,
        place: (mesh, pose) => {
          mesh.visible = pose.fill > 0
          mesh.scale.set(pose.radius, pose.length, pose.radius)
        },
      },
    ],
  }
}
