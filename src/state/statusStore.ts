/**
 * Runtime status that is not a user choice and never goes into the link: WebGL health, model
 * download, notices and errors. Kept apart from the view store so the link stays pure.
 */
import { create } from 'zustand'
import type { AppStatus, ModelStatus, WebglStatus } from '../api/types.ts'

export interface FatalError {
  readonly message: string
  readonly detail: string
}

/**
 * A short message about something that could not be done (a part of the page that did not
 * download, an image that could not be saved), with an optional way to try again.
 */
export interface PageNotice {
  /** One notice per id: showing the same id again replaces it. */
  readonly id: string
  readonly text: string
  readonly action?: { readonly label: string; readonly run: () => void }
}

interface StatusState extends AppStatus {
  /** Link values that were ignored, to tell the user; null when there is nothing to say. */
  linkNotice: readonly string[] | null
  fatalError: FatalError | null
  notices: readonly PageNotice[]
  /** Bumped to ask the model loader for another try. */
  modelAttempt: number
  /** Bumped to rebuild the 3D view from scratch (when a lost context does not come back). */
  canvasGeneration: number
  setWebgl(status: WebglStatus): void
  setModel(status: ModelStatus, error?: string | null): void
  /** null while the download's size is unknown (the page shows an indeterminate bar). */
  setModelProgress(fraction: number | null): void
  markFirstModelFrame(): void
  showLinkNotice(ignored: readonly string[]): void
  dismissLinkNotice(): void
  reportFatal(error: FatalError): void
  showNotice(notice: PageNotice): void
  dismissNotice(id: string): void
  dismissFatal(): void
  retryModel(): void
  rebuildCanvas(): void
}

export const useStatusStore = create<StatusState>()((set) => ({
  webgl: 'checking',
  model: 'idle',
  modelProgress: 0,
  modelError: null,
  firstModelFrame: false,
  firstModelFrameAt: null,
  linkNotice: null,
  fatalError: null,
  notices: [],
  modelAttempt: 0,
  canvasGeneration: 0,
  setWebgl: (webgl) => set({ webgl }),
  setModel: (model, error = null) => set({ model, modelError: error }),
  setModelProgress: (modelProgress) => set({ modelProgress }),
  markFirstModelFrame: () => set((s) => (s.firstModelFrame ? s : { firstModelFrame: true, firstModelFrameAt: performance.now() })),
  showLinkNotice: (ignored) => set({ linkNotice: ignored.length ? ignored : null }),
  dismissLinkNotice: () => set({ linkNotice: null }),
  // Keep the first error: later ones are usually consequences of it.
  reportFatal: (error) => set((s) => (s.fatalError ? s : { fatalError: error })),
  dismissFatal: () => set({ fatalError: null }),
  showNotice: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
  dismissNotice: (id) => set((s) => (s.notices.some((n) => n.id === id) ? { notices: s.notices.filter((n) => n.id !== id) } : s)),
  retryModel: () => set((s) => ({ modelAttempt: s.modelAttempt + 1, model: 'idle', modelError: null, modelProgress: 0 })),
  rebuildCanvas: () => set((s) => ({ canvasGeneration: s.canvasGeneration + 1, webgl: 'checking' })),
}))

export function getAppStatus(): AppStatus {
  const { webgl, model, modelProgress, modelError, firstModelFrame, firstModelFrameAt } = useStatusStore.getState()
  return { webgl, model, modelProgress, modelError, firstModelFrame, firstModelFrameAt }
}

/**
 * Whether this browser cannot draw the 3D view at all (no WebGL). The controls that only act on
 * the picture (camera views, cuts, hiding, saving an image) are hidden or disabled then; the
 * text course (stages, captions, structure descriptions) stays usable.
 */
export const useNo3d = (): boolean => useStatusStore((s) => s.webgl === 'unavailable')
