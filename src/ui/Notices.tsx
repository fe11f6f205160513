/**
 * Short messages about something that could not be done (state/statusStore.ts `notices`): a
 * part of the page that did not download, an image that could not be saved. Each says what
 * happened and offers its way out; the rest of the page keeps working meanwhile.
 */
import { useStatusStore } from '../state/statusStore.ts'

export function Notices() {
  const notices = useStatusStore((s) => s.notices)
  const dismiss = useStatusStore((s) => s.dismissNotice)
  if (notices.length === 0) return null
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className="toast" role="alert" data-testid="notice" data-notice={notice.id}>
          <p>{notice.text}</p>
          {notice.action && (
            <button
              type="button"
              className="primary"
              data-testid="notice-action"
              onClick={() => {
                dismiss(notice.id)
                notice.action?.run()
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" aria-label="Dismiss" data-testid="notice-dismiss" onClick={() => dismiss(notice.id)}>×</button>
        </div>
      ))}
    </div>
  )
}
