import { DISCLAIMER_SHORT } from '../domain/disclaimer.ts'

/** Always visible: this is an educational illustration, not a diagnosis. */
export function Disclaimer() {
  return (
    <p className="disclaimer" data-testid="disclaimer">
      {DISCLAIMER_SHORT}
    </p>
  )
}
