/**
 * The look of the cutaway window's cut faces (./cutawayFaces.ts) and of the collapsed
 * head's plate in a cross-section (./sectionCaps.ts). The bone and
 * cartilage colours are those of the cross-section's caps (scene/section/sectionCaps.ts
 * CAP_STYLES; a unit test keeps them equal), so a cut reads the same either way. Copied rather
 * than imported: the caps live in the cross-section's own lazy chunk.
 */

/** Flat colour of the cut face of each structure kind the window cuts through. */
export const CUT_COLOUR: Readonly<Partial<Record<string, string>>> = {
  hipBone: '#efe2c6',
  // The femur's cortex: also the subchondral plate the cancellous cap draws under a collapse.
  femur: '#f2e6cb',
  acetCartilage: '#dbe5ea',
  // Fibrocartilage: a little greyer than the articular cartilage.
  labrum: '#cbd5db',
}
