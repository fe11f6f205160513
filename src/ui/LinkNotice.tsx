/** A short, dismissible note naming the parts of a link that were ignored or adjusted. */
import { useStatusStore } from '../state/statusStore.ts'

const MAX_LISTED = 6

export default function LinkNotice() {
  const ignored = useStatusStore((s) => s.linkNotice)
  const dismiss = useStatusStore((s) => s.dismissLinkNotice)
  if (!ignored) return null
  // Each value is isolated, so link text can never reorder the sentence around it (the domain
  // already replaced bidi controls; <bdi> holds even for text it did not know about).
  const listed = ignored.slice(0, MAX_LISTED).map((item, i) => (
    <span key={i}>
      {i > 0 && '; '}
      <bdi>{item}</bdi>
    </span>
  ))
  const more = ignored.length > MAX_LISTED ? ` and ${ignored.length - MAX_LISTED} more` : ''
  return (
    <div className="toast" role="status" data-testid="url-notice">
      <p>
        <strong>Part of this link could not be used</strong> and was ignored: {listed}
        {more}. The rest of the view is shown as linked.
      </p>
      <button type="button" aria-label="Dismiss" data-testid="url-notice-dismiss" onClick={dismiss}>×</button>
    </div>
  )
}
