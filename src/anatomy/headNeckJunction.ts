/**
 * Points around the head–neck junction, just outside the cartilage margin, where the
 * retinacular arteries enter the bone through their foramina (≈80% of them in the
 * posterosuperior and anterosuperior quadrants, clinical.md §3). Azimuth psi around the
 * neck axis: 0° superior, 90° anterior, 180° inferior, 270° posterior.
 */
import { femurToModel, type HipFrames } from './frames.ts'
import { headCartilageModel } from './headCartilage.ts'
import { add, rad, scale, type V3 } from './vec.ts'

export function junctionDir(f: HipFrames, psiDeg: number, extraDeg = 0): V3 {
  const n = f.neckDir
  const sup = femurToModel(f, f.neckSupF)
  const ant = femurToModel(f, f.neckAntF)
  const psi = rad(psiDeg)
  const radial = add(scale(sup, Math.cos(psi)), scale(ant, Math.sin(psi)))
  // margin angle in that direction, found on the same rule as the cartilage
  const model = headCartilageModel(f)
  let alpha = rad(124)
  for (let i = 0; i < 3; i++) {
    const d = add(scale(n, Math.cos(alpha)), scale(radial, Math.sin(alpha)))
    alpha = model.marginAngle(d)
  }
  alpha += rad(extraDeg)
  return add(scale(n, Math.cos(alpha)), scale(radial, Math.sin(alpha)))
}

/** Point on (or `lift` mm above) the head sphere just beyond the cartilage margin. */
export function junctionPoint(f: HipFrames, psiDeg: number, lift = 0, extraDeg = 3): V3 {
  return scale(junctionDir(f, psiDeg, extraDeg), f.hip.headRadius + lift)
}
