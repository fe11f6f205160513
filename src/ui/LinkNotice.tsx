/** A short, dismissible note naming the parts of a link that were ignored or adjusted. */
import { useStatusStore } from '../state/statusStore.ts'

const MAX_LISTED = 6

export function LinkNotice() {
  const ignored = useStatusStore((s) => s.linkNotice)
  const dismiss = useStatusStore((s) => s.dismissLinkNotice)
  if (!ignored) return null
  const listed = ignored.slice(0, MAX_LISTED).join('; ')
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
