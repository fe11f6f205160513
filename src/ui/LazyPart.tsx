/**
 * A part of the page that downloads on demand (React.lazy), with its own error boundary: when
 * the chunk does not arrive (offline, or the app was redeployed and the old chunk is gone) or
 * the part crashes, the reader gets a clear message and "Try again", and the rest of the page
 * keeps working. Without it, a failed import unmounted the whole React root (a blank page).
 *
 * "Try again" needs a new React.lazy: a lazy component keeps its rejected import forever.
 * Placement: `inline` shows the message where the part would be (panels that take space);
 * `notice` shows it as a page notice (dialogs, overlays and other parts without a place).
 */
import { Component, Suspense, type ComponentType, type ReactNode } from 'react'
import { dismissPartFailure, explainPartFailure, markHandled, noticePartFailure } from '../state/partRecovery.ts'
import { retryableLazy } from '../state/retryableLazy.ts'

export interface LazyPartOptions {
  /** Where the failure is told (see above). */
  placement: 'inline' | 'notice'
  /** Shown while the part downloads. */
  fallback?: ReactNode
}

interface BoundaryProps {
  id: string
  name: string
  placement: 'inline' | 'notice'
  onRetry: () => void
  children: ReactNode
}

interface BoundaryState {
  failed: boolean
  text: string
  reload: boolean
}

class PartBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, text: '', reload: false }
  private mounted = false

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
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
    explainPartFailure(error, this.props.name, (text, reload) => this.tell(text, reload), () => this.mounted && this.state.failed)
  }

  private tell(text: string, reload: boolean) {
    this.setState({ text, reload })
    if (this.props.placement === 'notice') noticePartFailure(this.props.id, text, this.action(reload))
  }

  private action(reload: boolean) {
    return reload ? { label: 'Reload', run: () => window.location.reload() } : { label: 'Try again', run: this.retry }
  }

  /** A new import attempt: the parent remounts this boundary (its key is the attempt). */
  private retry = () => {
    dismissPartFailure(this.props.id)
    this.props.onRetry()
  }

  override render() {
    if (!this.state.failed) return this.props.children
    if (this.props.placement === 'notice' || !this.state.text) return null
    const { label, run } = this.action(this.state.reload)
    return (
      <section className="card part-failed" role="alert" data-testid="part-error" data-part={this.props.id}>
        <p>{this.state.text}</p>
        <button type="button" className="primary" data-testid="part-retry" onClick={run}>{label}</button>
      </section>
    )
  }
}

/**
 * `lazy(load)` with a boundary, a retry and a stable identity: every mount of the returned
 * component shares the latest import attempt.
 */
export function lazyPart<P extends object>(
  id: string,
  name: string,
  load: () => Promise<{ default: ComponentType<P> }>,
  options: LazyPartOptions,
): ComponentType<P> {
  const part = retryableLazy(load)
  function LazyPart(props: P) {
    const { Part, attempt, retry } = part.useAttempt()
    return (
      <PartBoundary key={attempt} id={id} name={name} placement={options.placement} onRetry={retry}>
        <Suspense fallback={options.fallback ?? null}>
          <Part {...props} />
        </Suspense>
      </PartBoundary>
    )
  }
  LazyPart.displayName = `LazyPart(${id})`
  return LazyPart
}
