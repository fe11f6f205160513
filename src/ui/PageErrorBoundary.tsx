/**
 * Keeps a crash in one area of the page from blanking the others: the failed area shows a
 * short message with a way to try again; the error panel offers a reload.
 */
import { Component, type ReactNode } from 'react'
import { useStatusStore } from '../state/statusStore.ts'

interface Props {
  area: string
  children: ReactNode
}

export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    // A part loaded on demand can fail to arrive (offline, or the app was updated meanwhile).
    const notDownloaded = error instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message)
    useStatusStore.getState().reportFatal({
      message: notDownloaded
        ? `Part of the ${this.props.area} could not be downloaded (the connection dropped, or the app was just updated). Reloading fixes it.`
        : `The ${this.props.area} stopped working.`,
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    })
  }
  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <div className="area-failed" role="alert">
        <p>The {this.props.area} could not be shown.</p>
        <button type="button" onClick={() => this.setState({ failed: false })}>Try again</button>
      </div>
    )
  }
}
