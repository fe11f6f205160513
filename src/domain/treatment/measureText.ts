/** A size of the procedure data as a caption writes it: "8–10 mm", "3.2 mm", "40° ± 10°". */
import type { Measure } from '../procedures.ts'

export function measureText({ value, unit, tolerance }: Measure): string {
  const joint = unit === '°' ? '' : '\u00a0'
  const amount = typeof value === 'number' ? String(value) : `${value[0]}–${value[1]}`
  const main = `${amount}${joint}${unit}`
  return tolerance === undefined ? main : `${main} ± ${tolerance}${joint}${unit}`
}
