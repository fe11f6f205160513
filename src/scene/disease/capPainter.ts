/**
 * Who paints the disease onto a cut face that is not the section's: the disease layer, once it
 * has its uniforms (./DiseaseLayer.tsx publishes ./sectionCaps.ts patchCapMaterial bound to
 * them). A light module, so the treatment code that draws the resected head
 * (../treatment/removedBone.ts) can ask for it without loading the disease shaders itself.
 */
import type { Material, Matrix4 } from 'three'
import type { CapId } from './sectionCaps.ts'

/** Patches `material` as the cut face of `id`, in the femur rest frame `femurRest` gives (model frame → rest). */
export type CapPainter = (material: Material, id: CapId, femurRest: { value: Matrix4 }) => void

let painter: CapPainter | null = null
const waiting = new Set<(painter: CapPainter) => void>()

export function publishCapPainter(next: CapPainter | null): void {
  painter = next
  if (!next) return
  for (const listener of [...waiting]) listener(next)
}

/**
 * Calls `listener` with the painter now if there is one, and with every painter published later
 * (the disease layer arrives after the first picture). Returns a function that stops it.
 */
export function onCapPainter(listener: (painter: CapPainter) => void): () => void {
  waiting.add(listener)
  if (painter) listener(painter)
  return () => waiting.delete(listener)
}

export function capPainter(): CapPainter | null {
  return painter
}
