/**
 * One simulated image with what reading it needs: orientation markers (the patient's side, and
 * superior) and a scale bar in mm, each on a dark backing so it reads on bright bone and dark
 * background alike, and the caption of the stage in the current mode (clinical: with its
 * sources). The picture is an image of the pixels the scene rendered (./usePictureImage.ts).
 * A click on it asks for the same point in the 3D view (scene/imaging/PictureLink.tsx): a
 * crosshair marks the point until the next click or Escape.
 *
 * The keyboard's way to do the same: Tab to the picture, move its marker with the arrow keys
 * (Shift: larger steps), Enter or Space to show that point in the 3D view. The marker starts at
 * the last point shown, else the picture's centre.
 */
import { useId, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react'
import type { FoundPoint, RenderedImage } from '../../state/imagingStore.ts'
import { imageFullSources, imageSourceLine, type ImageCaption } from '../../domain/imaging/imagingCaptions.ts'
import { scaleBarMm } from '../../domain/imaging/imageFrames.ts'
import type { PictureSpot } from '../../domain/imaging/picturePoint.ts'
import { movedSpot } from '../../domain/imaging/pictureKeys.ts'
import type { ImageKind } from '../../domain/imaging/imageKinds.ts'
import type { Mode, Side } from '../../domain/viewState.ts'
import { STRUCTURES } from '../../domain/anatomy/structureInfo.ts'
import { RELEASE_FOCUS_AFTER_POINTER } from '../releaseFocusAfterPointer.ts'
import { usePictureImage } from './usePictureImage.ts'

export interface ImageFigureProps {
  kind: ImageKind
  title: string
  /** Describes the picture for screen readers. */
  alt: string
  image: RenderedImage | null
  side: Side
  caption: ImageCaption
  mode: Mode
  /** Controls shown beside the title (the MRI's T1/T2 switch). */
  controls?: ReactNode
  /** The picture shown in a one-at-a-time layout (a phone's sheet). */
  current: boolean
  /** Whether the caption repeats the one before it (the two radiographs' clinical finding): then only screen readers get it. */
  captionRepeats?: boolean
  /** The point clicked on this picture (its crosshair), and what the 3D view found there. */
  pointed: PictureSpot | null
  found: FoundPoint | null
  onPoint(spot: PictureSpot): void
}

/** The structure's name as the 3D view's tags give it. */
function nameOf(found: FoundPoint, mode: Mode): string {
  if (!found.structure) return 'no structure here'
  const info = STRUCTURES[found.structure]
  return mode === 'patient' ? info.plainName : info.term
}

export function ImageFigure({ kind, title, alt, image, side, caption, mode, controls, current, captionRepeats, pointed, found, onPoint }: ImageFigureProps) {
  const { ref: picture, shown } = usePictureImage(image)
  const bar = image ? scaleBarMm(image.sizeMm) : 0
  /** The keyboard's marker: shown while the picture has keyboard focus. */
  const [cursor, setCursor] = useState<PictureSpot | null>(null)
  const click = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    if (box.width <= 0 || box.height <= 0) return
    setCursor(null)
    onPoint({ u: (event.clientX - box.left) / box.width, v: (event.clientY - box.top) / box.height })
  }
  const startCursor = (): PictureSpot => cursor ?? (pointed ? { u: pointed.u, v: pointed.v } : { u: 0.5, v: 0.5 })
  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const moved = movedSpot(startCursor(), event.key, event.shiftKey)
    if (moved) {
      setCursor(moved)
    } else if (event.key === 'Enter' || event.key === ' ') {
      onPoint(startCursor())
      setCursor(startCursor())
    } else {
      return // Page Down / Up, Escape and the rest: the page's keys (ui/keyboard.ts)
    }
    event.preventDefault()
  }
  const hint = useId()
  const sources = imageFullSources(caption)
  return (
    <figure className="image-figure" data-kind={kind} data-current={current || undefined}>
      <div className="image-title">
        <h3>{title}</h3>
        {controls}
      </div>
      <div className="image-box">
        <div className="image-frame" aria-busy={shown ? undefined : true}>
          <div
            className="image-picture"
            data-testid={`image-${kind}`}
            // A picture the keyboard points into (arrow keys, Enter): keys reach it, not the reader's browse mode.
            role="application"
            aria-roledescription="picture"
            aria-label={alt}
            aria-describedby={hint}
            tabIndex={0}
            data-stage={shown?.stage}
            title="Click a point to show it in the 3D view"
            onClick={click}
            // Clicked, it lets go of focus (as the sliders do): a clicker's arrow keys then step, not move a marker.
            {...RELEASE_FOCUS_AFTER_POINTER}
            onKeyDown={keyDown}
            onFocus={(event) => {
              if (event.currentTarget.matches(':focus-visible')) setCursor(startCursor())
            }}
            onBlur={() => setCursor(null)}
          >
            <img ref={picture} alt="" draggable={false} />
          </div>
          <span id={hint} className="visually-hidden">
            Arrow keys move a marker over the picture, Shift with an arrow moves it further; Enter shows that point in the 3D view.
          </span>
          <span className={`image-marker side ${side}`} aria-hidden="true">{side === 'right' ? 'R' : 'L'}</span>
          <span className="image-marker superior" aria-hidden="true">S ↑</span>
          {image && (
            <span className="image-scale" style={{ width: `${(100 * bar) / image.sizeMm}%` }}>
              <span className="image-scale-label">{bar} mm</span>
            </span>
          )}
          {cursor && <span className="image-cursor" data-testid={`cursor-${kind}`} style={{ left: `${100 * cursor.u}%`, top: `${100 * cursor.v}%` }} aria-hidden="true" />}
          {pointed && (
            <span
              className="image-crosshair"
              data-testid={`crosshair-${kind}`}
              data-structure={found?.structure ?? undefined}
              data-point={found ? found.point.map((v) => v.toFixed(2)).join(',') : undefined}
              style={{ left: `${100 * pointed.u}%`, top: `${100 * pointed.v}%` }}
              aria-hidden="true"
            />
          )}
        </div>
      </div>
      <figcaption>
        {pointed && found && (
          <span className="image-point-note" role="status">
            Marked in the 3D view: {nameOf(found, mode)}
          </span>
        )}
        <span className={captionRepeats ? 'image-caption repeats' : 'image-caption'}>
          {caption.text}
          {mode === 'clinician' && (
            <span className="image-source" title={sources}>
              {' '}
              <span aria-hidden="true">{imageSourceLine(caption)}</span>
              <span className="visually-hidden">{`Sources: ${sources}`}</span>
            </span>
          )}
        </span>
      </figcaption>
    </figure>
  )
}
