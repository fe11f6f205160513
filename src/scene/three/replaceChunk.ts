/**
 * Replaces a three.js shader chunk include (an "anchor") with our code, and throws when the
 * anchor is missing: a three.js upgrade that renames or drops a chunk must fail loudly at the
 * first compile, not draw silently without the patch.
 */
export function replaceChunk(source: string, anchor: string, replacement: string): string {
  const at = source.indexOf(anchor)
  if (at < 0) throw new Error(`shader patch: the three.js anchor "${anchor}" is missing from the shader`)
  return source.slice(0, at) + replacement + source.slice(at + anchor.length)
}
