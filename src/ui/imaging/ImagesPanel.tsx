/**
 * The Images panel (issue 13): a simulated AP and frog-leg lateral radiograph and a coronal MRI
 * of the hip shown, rendered from the 3D model and its disease state (scene/imaging), beside the
 * 3D view, the two films side by side over the MRI (all three whole on a 1080p screen; the
 * panel scrolls on smaller ones); on a phone a sheet under the view with one picture at a time
 * and a switcher; on a short view a picture-in-picture. It folds to its title bar. Loaded on
 * demand (App.tsx).
 *
 * A click on a picture shows its point in the 3D view (scene/imaging/PictureLink.tsx) until the
 * next click or Escape.
 *
 * The point it makes: at ARCO I the X-ray is still normal while the MRI shows the lesion.
 */
import { useEffect, useRef, useState } from 'react'
import { useViewStore } from '../../state/viewStore.ts'
import { imagePixelsFor, useImagingStore } from '../../state/imagingStore.ts'
import { imageCaption } from '../../domain/imaging/imagingCaptions.ts'
import { MRI_WEIGHTINGS, type MriWeighting } from '../../domain/imaging/mriSignal.ts'
import { IMAGES_NOTE, IMAGE_KINDS, imageTitle, weightingTitle, type ImageKind } from '../../domain/imaging/imageKinds.ts'
import { ImageFigure } from './ImageFigure.tsx'

/** What each picture shows, for screen readers. */
function altText(kind: ImageKind, side: string, weighting: MriWeighting): string {
  switch (kind) {
    case 'xray':
      return `Simulated front-to-back X-ray of the ${side} hip at the stage shown`
    case 'frogLeg':
      return `Simulated frog-leg lateral X-ray of the ${side} hip (hip bent and turned out, the femoral neck seen from the side) at the stage shown`
    case 'mri':
      return `Simulated coronal ${weightingTitle(weighting)} MRI slice through the ${side} femoral head at the stage shown`
  }
}

/** The switcher's short names of the pictures (a phone's sheet). */
const SWITCH_LABEL: Readonly<Record<ImageKind, string>> = { xray: 'X-ray AP', frogLeg: 'Frog-leg', mri: 'MRI' }

export default function ImagesPanel() {
  const stage = useViewStore((s) => s.stage)
  const mode = useViewStore((s) => s.mode)
  const side = useViewStore((s) => s.side)
  const setImages = useViewStore((s) => s.setImages)
  const pictures = useImagingStore((s) => s.pictures)
  const weighting = useImagingStore((s) => s.weighting)
  const collapsed = useImagingStore((s) => s.collapsed)
  const pointed = useImagingStore((s) => s.pointed)
  const found = useImagingStore((s) => s.found)
  const pointAt = useImagingStore((s) => s.pointAt)
  /** The picture a one-at-a-time layout (a phone's sheet) shows. */
  const [current, setCurrent] = useState<ImageKind>('xray')
  const panel = useRef<HTMLElement>(null)

  // Escape forgets the clicked point and the selection it made (as Escape closes a name tag).
  useEffect(() => {
    if (!pointed) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      const { found: f } = useImagingStore.getState()
      useImagingStore.getState().pointAt(null)
      const view = useViewStore.getState()
      if (f?.structure && view.selected === f.structure) view.select(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [pointed])

  // Render the pictures at the size they are shown (device pixels), not more.
  useEffect(() => {
    const element = panel.current
    if (!element) return
    const observer = new ResizeObserver(() => {
      // The largest picture shown (the MRI under the two films; a phone's sheet shows one): all three render at one size.
      const widths = [...element.querySelectorAll('.image-frame')].map((f) => f.getBoundingClientRect().width)
      const widest = Math.max(0, ...widths)
      if (widest <= 0) return
      const size = imagePixelsFor(widest, window.devicePixelRatio)
      if (size !== useImagingStore.getState().size) useImagingStore.getState().setSize(size)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const setWeighting = useImagingStore((s) => s.setWeighting)
  const setCollapsed = useImagingStore((s) => s.setCollapsed)
  const sideWord = side === 'right' ? 'right' : 'left'
  return (
    <aside ref={panel} className="images-panel" aria-label="Images" data-testid="images-panel" data-collapsed={collapsed || undefined}>
      <div className="images-head">
        <h2>Images</h2>
        <button type="button" className="images-fold" aria-expanded={!collapsed} data-testid="images-fold" onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? 'Show' : 'Hide'}
        </button>
        <button type="button" aria-label="Close the images" data-testid="images-close" onClick={() => setImages(false)}>
          ×
        </button>
      </div>
      {!collapsed && (
        <div className="images-switch segmented" role="group" aria-label="Picture shown">
          {IMAGE_KINDS.map((kind) => (
            <button key={kind} type="button" data-testid={`images-show-${kind}`} aria-pressed={current === kind} onClick={() => setCurrent(kind)}>
              {SWITCH_LABEL[kind]}
            </button>
          ))}
        </div>
      )}
      {!collapsed && (
        <div className="images-body">
          {IMAGE_KINDS.map((kind) => (
            <ImageFigure
              key={kind}
              kind={kind}
              current={current === kind}
              captionRepeats={kind === 'frogLeg' && mode === 'clinician'}
              pointed={pointed?.kind === kind ? pointed : null}
              found={found?.spot.kind === kind ? found : null}
              onPoint={(spot) => pointAt({ kind, ...spot })}
              title={imageTitle(kind)}
              alt={altText(kind, sideWord, weighting)}
              image={pictures[kind] ?? null}
              side={side}
              caption={imageCaption(kind, stage, mode)}
              mode={mode}
              controls={
                kind === 'mri' ? (
                  <div className="segmented small" role="group" aria-label="MRI weighting">
                    {MRI_WEIGHTINGS.map((w) => (
                      <button key={w} type="button" data-testid={`mri-${w}`} aria-pressed={weighting === w} title={weightingTitle(w)} onClick={() => setWeighting(w)}>
                        {w}
                      </button>
                    ))}
                  </div>
                ) : undefined
              }
            />
          ))}
          <p className="images-note muted">{IMAGES_NOTE}</p>
        </div>
      )}
    </aside>
  )
}
