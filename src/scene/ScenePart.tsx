/**
 * Parts of the 3D view that download on demand (cross-section, labels, fast picking, the
 * disease effects), each under its own error boundary. Inside the canvas there is no DOM to
 * show a message in, so a failure becomes a page notice (state/statusStore.ts) with its way
 * out, and the boundary draws nothing: the rest of the view keeps working. Without it, a failed
 * chunk took the whole 3D view down ("The 3D view stopped working").
 * The page's own lazy parts have the same behaviour in ui/LazyPart.tsx.
 */
import { Component, Suspense, type ComponentType, type ReactNode } from 'react'
import { dismissPartFailure, explainPartFailure, markHandled, noticePartFailure } from '../state/partRecovery.ts'
import { retryableLazy } from '../state/retryableLazy.ts'

interface GuardProps {
  id: string
  name: string
  /**
   * "Try again" for this part; without it the way out is reloading the page (for a part whose
   * import we do not own: a React.lazy keeps its failed import, so only a reload retries it).
   */
  onRetry?: () => void
  /** Called once when the part fails, e.g. to end work it had registered (state/pendingWork.ts). */
  onFailure?: () => void
  children: ReactNode
}

/** An error boundary for one part of the scene: nothing drawn, a notice shown. */
export class ScenePartGuard extends Component<GuardProps, { failed: boolean }> {
  override state = { failed: false }
  private mounted = false

  static getDerivedStateFromError(error: unknown) {
    markHandled(error)
    return { failed: true }
  }

  override componentDidMount() {
    this.mounted = true
  }

  override componentWillUnmount() {
    this.mounted = false
    dismissPartFailure(this.props.id)
  }

  override componentDidCatch(error: unknown) {
    this.props.onFailure?.()
    explainPartFailure(error, this.props.name, (text, reload) => this.tell(text, reload), () => this.mounted && this.state.failed)
  }

  private tell(text: string, reload: boolean) {
    const retry = this.props.onRetry
    const action = reload || !retry ? { label: 'Reload', run: () => window.location.reload() } : { label: 'Try again', run: retry }
    noticePartFailure(this.props.id, text, action)
  }

  override render() {
    return this.state.failed ? null : this.props.children
  }
}

/**
 * `lazy(load)` for the scene, with the guard above and a retry that imports it again.
 * `fallback` is shown while the code is on the way (e.g. a LoadingPart, for a part that changes
 * the picture, so hipExplorer.idle() waits for it).
 */
export function lazyScenePart<P extends object>(
  id: string,
  name: string,
  load: () => Promise<{ default: ComponentType<P> }>,
  fallback: ReactNode = null,
): ComponentType<P> {
  const part = retryableLazy(load)
  function ScenePart(props: P) {
    const { Part, attempt, retry } = part.useAttempt()
    return (
      <ScenePartGuard key={attempt} id={id} name={name} onRetry={retry}>
        <Suspense fallback={fallback}>
          <Part {...props} />
        </Suspense>
      </ScenePartGuard>
    )
  }
  ScenePart.displayName = `ScenePart(${id})`
  return ScenePart
}
