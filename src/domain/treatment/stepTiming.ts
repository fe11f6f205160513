/**
 * How long a step plays, seconds: long enough to follow a tool moving into the bone and read the
 * caption's first line, short enough for a clicker-paced talk (a design choice, not a source).
 * Apart from ./steps.ts (which re-exports it) so that the player's clock does not load the step texts.
 */
export const STEP_SECONDS = 4
