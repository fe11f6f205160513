import { DISCLAIMER_SHORT } from '../domain/disclaimer.ts'

/**
 * Always visible: this is an educational illustration, not a diagnosis. The page's footer
 * (contentinfo landmark), so that screen-reader users find it among the landmarks too.
 */
export function Disclaimer() {
  return (
    <footer className="disclaimer" data-testid="disclaimer">
      <p>{DISCLAIMER_SHORT}</p>
    </footer>
  )
}
