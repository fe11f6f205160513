/**
 * Text from a link or an API call that the page shows back to the reader (the notice that
 * names ignored values). It is untrusted: bidi controls (`%E2%80%AE`) can turn the sentence
 * around it backwards, and control characters (`%00`) show as nothing at all. Each one becomes
 * a visible replacement mark here, and the page isolates every echoed value (`<bdi>`), so a
 * link can neither rewrite the notice nor hide what it asked for.
 */

/** C0 and C1 controls, DEL, bidi marks, embeddings, overrides and isolates, zero-width and BOM. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g
const REPLACEMENT = '\ufffd'

/**
 * The text as it may be shown: unsafe characters replaced, and cut to `max` characters
 * (counted in code points, so a cut never splits a surrogate pair) with an ellipsis.
 */
export function echoText(text: string, max = Infinity): string {
  const chars = Array.from(text.replace(UNSAFE, REPLACEMENT))
  // A lone surrogate (from a link's %ED%A0%80) is no character either.
  const safe = chars.map((c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? REPLACEMENT : c))
  return safe.length > max ? `${safe.slice(0, max).join('')}…` : safe.join('')
}
