/**
 * Text broken into lines no wider than `maxWidth`, as `measure` reports a line's width (a
 * canvas's measureText): the caption band of a saved image and the insets drawn into it wrap
 * alike. A word wider than the width gets a line of its own.
 */
export function wrapWords(text: string, maxWidth: number, measure: (line: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (!word) continue
    const longer = line ? `${line} ${word}` : word
    if (line && measure(longer) > maxWidth) {
      lines.push(line)
      line = word
    } else line = longer
  }
  if (line) lines.push(line)
  return lines
}
