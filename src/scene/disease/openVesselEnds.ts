/**
 * Sets each artery's open ends (domain/anatomy/vesselEnds.ts) in its uniforms, from what is
 * hidden now and where the vessel begins and ends (its arc lengths), and keeps them so while the
 * view's hidden structures change (DiseaseLayer asks for the frame on such a change). Returns the stop.
 */
import { OPEN_END_FADE_MM, openEnds } from '../../domain/anatomy/vesselEnds.ts'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { useViewStore } from '../../state/viewStore.ts'
import type { PatchedArtery } from './patchMaterials.ts'

export function keepOpenVesselEnds(arteries: readonly PatchedArtery[]): () => void {
  const apply = (hidden: readonly StructureId[]) => {
    for (const a of arteries) {
      const open = openEnds(a.id, hidden)
      // Never more than half the vessel, so a short one still shows its middle whole.
      const fade = Math.min(OPEN_END_FADE_MM, (a.arc.to - a.arc.from) / 2)
      a.uniforms.uOpenEnds.value.set(a.arc.from, open.origin ? fade : 0, a.arc.to, open.far ? fade : 0)
    }
  }
  apply(useViewStore.getState().hidden)
  return useViewStore.subscribe((s, p) => {
    if (s.hidden !== p.hidden) apply(s.hidden)
  })
}
