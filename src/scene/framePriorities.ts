/**
 * The order of the per-frame callbacks that change what the frame draws (React Three Fiber's
 * useFrame priority: lower runs first; all of these are ≤ 0, so the renderer still draws the
 * scene by itself, after them). What one of them moves is then read in the same frame by the
 * others (the labels, the disease layer, the cut) and drawn at once: no second frame to catch
 * up, which cost 0.3–0.9 s per treatment step with software WebGL.
 */

/** The treatment's clock advances first (./treatment/TreatmentClockDriver.tsx)... */
export const TREATMENT_CLOCK_FRAME_PRIORITY = -2

/** ...then the treatment puts its tools, pieces, removed bone and femur where the clock says (./treatment/TreatmentLayer.tsx). */
export const TREATMENT_FRAME_PRIORITY = -1
