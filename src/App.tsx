/**
 * The page: the only place where the 3D view and the page UI are put together.
 *
 *   top bar                       (mode, side, save image, fullscreen, about, expert)   <header>
 *   3D view        | side panel   (caption of the stage; selected structure; structure list)   <main>, <aside>
 *   stage bar                     (slider with stage marks, play/pause)   region "Disease stage"
 *   disclaimer                                                            <footer>
 *
 * The first Tab stop is a skip link to the stage slider (out of sight until focused).
 *
 * On a phone in portrait the side panel moves under the view; nothing covers the view's centre.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { ViewerCanvas } from './scene/ViewerCanvas.tsx'
import { HipScene } from './scene/HipScene.tsx'
import { useNo3d, useStatusStore } from './state/statusStore.ts'
import { TopBar } from './ui/TopBar.tsx'
import { ContextLost, ModelError, ModelProgress, NoWebgl } from './ui/Overlays.tsx'
import { ErrorPanel } from './ui/ErrorPanel.tsx'
import { StageBar } from './ui/StageBar.tsx'
import { Disclaimer } from './ui/Disclaimer.tsx'
import type { handleGlobalKey } from './ui/keyboard.ts'
import { beginWork } from './state/pendingWork.ts'
import { PageErrorBoundary } from './ui/PageErrorBoundary.tsx'
import { useViewStore } from './state/viewStore.ts'
import { anyLabelShown } from './domain/anyLabelShown.ts'
import { usePickStore } from './state/pickStore.ts'
import { useAfterFirstFrame } from './ui/useAfterFirstFrame.ts'
import { lazyPart } from './ui/LazyPart.tsx'
import { Notices } from './ui/Notices.tsx'
import { SkipLink } from './ui/SkipLink.tsx'
import { useSketchStore } from './state/sketchStore.ts'

// The side panel (captions, lesion and explorer controls) arrives right after the first picture
// of the hip, so the first download carries only what that picture needs; without 3D, or when
// the picture is slow to come, it loads anyway (see useAfterFirstFrame).
// Every part loaded on demand has its own error boundary and retry (ui/LazyPart.tsx).
const BUSY_PANEL = <aside className="sidepanel" aria-busy="true" />
const SidePanel = lazyPart('side-panel', 'The side panel', () => import('./ui/SidePanel.tsx'), { placement: 'inline', fallback: BUSY_PANEL })
const LabelOverlay = lazyPart('labels', 'The labels', () => import('./ui/LabelOverlay.tsx'), { placement: 'notice' })
const SelectionTag = lazyPart('selection-tag', 'The name tag of the selected structure', () => import('./ui/SelectionTag.tsx'), { placement: 'notice' })
const HoverTip = lazyPart('hover-tip', 'The name under the pointer', () => import('./ui/HoverTip.tsx'), { placement: 'notice' })
// The simulated X-ray and MRI (issue 13): beside the view, loaded when first opened.
const ImagesPanel = lazyPart('images', 'The images', () => import('./ui/imaging/ImagesPanel.tsx'), { placement: 'notice' })
// Pictures over the view's corner during some treatment steps: where the fibula graft comes from, the live X-ray.
const TreatmentInsets = lazyPart('treatment-insets', 'The pictures of the treatment step', () => import('./ui/treatment/TreatmentInsets.tsx'), { placement: 'notice' })

// Presenter mode's caption strip, keys and laser dot: loaded when presenting.
const PresenterLayer = lazyPart('presenter', 'Presenter mode', () => import('./ui/presenter/PresenterLayer.tsx'), { placement: 'notice' })

// The view's buttons are not needed to draw the first picture: they load with the side panel.
const ViewToolbar = lazyPart('view-toolbar', 'The view buttons', () => import('./ui/ViewToolbar.tsx'), { placement: 'notice' })
const SketchLayer = lazyPart('sketch', 'Drawing on the view', () => import('./ui/sketch/SketchLayer.tsx'), { placement: 'notice' })
// Only a link with values it could not use needs the note (most links have none).
const LinkNotice = lazyPart('link-notice', 'The note about this link', () => import('./ui/LinkNotice.tsx'), { placement: 'notice' })
// The reference list is long and rarely opened: it loads when asked for.
const AboutDialog = lazyPart<{ onClose: () => void }>('about', 'About & sources', () => import('./ui/AboutDialog.tsx').then((m) => ({ default: m.AboutDialog })), { placement: 'notice' })

export function App() {
  const present = useViewStore((s) => s.present)
  const afterFirstFrame = useAfterFirstFrame()
  const generation = useStatusStore((s) => s.canvasGeneration)
  const linkNoticeShown = useStatusStore((s) => s.linkNotice !== null)
  const [about, setAbout] = useState(false)
  const viewerRef = useRef<HTMLElement>(null)

  // The page's keys act once the hip is drawn: their code (ui/keyboard.ts, with the treatment's and
  // the tour's keys) loads then, off the first download (its 300-KB budget), and idle() waits for it.
  const keys = useRef<typeof handleGlobalKey | null>(null)
  useEffect(() => {
    if (!afterFirstFrame || keys.current) return
    const done = beginWork('keyboard', { shapesPicture: false })
    import('./ui/keyboard.ts')
      .then((m) => {
        keys.current = m.handleGlobalKey
      }, () => {})
      .finally(done)
  }, [afterFirstFrame])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !keys.current) return
      const active = document.activeElement
      const focus = viewerRef.current?.contains(active) ? 'viewer' : !active || active === document.body ? 'nothing' : 'elsewhere'
      if (keys.current(event, focus)) event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const closeAbout = useCallback(() => setAbout(false), [])
  // Working offline after this visit (a service worker), set up once the hip is drawn. Without
  // it the app needs the network as any page does: a failed download here is not the user's concern.
  useEffect(() => {
    if (afterFirstFrame) import('./offline/registerOffline.ts').then((m) => m.registerOffline(), () => {})
  }, [afterFirstFrame])

  return (
    <div className={present ? 'app presenting' : 'app'}>
      <SkipLink />
      <TopBar onAbout={() => setAbout(true)} />
      <main className="workspace">
        <section
          ref={viewerRef}
          className="viewer"
          data-testid="viewer"
          tabIndex={0}
          aria-label="3D view of the hip. Drag to turn, scroll or pinch to zoom, right-drag or two fingers to pan; arrow keys turn, plus and minus zoom, R resets."
        >
          <PageErrorBoundary area="3D view">
            <ViewerCanvas key={generation} label="3D illustration of the hip joint">
              <HipScene />
            </ViewerCanvas>
          </PageErrorBoundary>
          <ModelProgress />
          <ModelError />
          <NoWebgl />
          <ViewOverlays />
          <ContextLost />
          {afterFirstFrame && <ViewToolbar />}
        </section>
        <PageErrorBoundary area="side panel">
          {afterFirstFrame ? <SidePanel /> : BUSY_PANEL}
        </PageErrorBoundary>
      </main>
      <PageErrorBoundary area="stage slider">
        <StageBar />
      </PageErrorBoundary>
      {present && <PresenterLayer />}
      <Disclaimer />
      {linkNoticeShown && <LinkNotice />}
      <Notices />
      <ErrorPanel />
      {about && <AboutDialog onClose={closeAbout} />}
    </div>
  )
}

/**
 * What lies over the 3D view when asked for: labels, the name under the pointer, the selection's
 * tag, a treatment's pictures, the images, a sketch. A component of its own, so that showing or
 * hiding one renders these and not the whole page (opening a treatment re-rendered every input
 * of the panels, and the 3D scene, in the commit of the click).
 */
function ViewOverlays() {
  const labels = useViewStore((s) => anyLabelShown(s))
  const hoverReady = usePickStore((s) => s.hoverReady)
  const selected = useViewStore((s) => s.selected !== null)
  const pickedObject = usePickStore((s) => s.pickedObject !== null)
  const treatment = useViewStore((s) => s.procedure !== null)
  const images = useViewStore((s) => s.images)
  const sketchShown = useSketchStore((s) => s.drawing || s.strokes.length > 0)
  const no3d = useNo3d()
  return (
    <>
      {labels && <LabelOverlay />}
      {hoverReady && <HoverTip />}
      {(selected || pickedObject) && !no3d && <SelectionTag />}
      {treatment && !no3d && <TreatmentInsets />}
      {images && !no3d && <ImagesPanel />}
      {sketchShown && !no3d && <SketchLayer />}
    </>
  )
}
