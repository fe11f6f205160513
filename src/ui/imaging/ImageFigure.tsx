/**
 * One simulated image with what reading it needs: orientation markers (the patient's side, and
 * superior), a scale bar in mm and the caption of the stage in the current mode (clinical: with
 * its sources). The picture is drawn into a canvas from the pixels the scene rendered.
 */
import { useEffect, useRef, type ReactNode } from 'react'
import type { RenderedImage } from '../../state/imagingStore.ts'
import { imageSourceLine, type ImageCaption } from '../../domain/imaging/imagingCaptions.ts'
import { scaleBarMm } from '../../domain/imaging/imageFrames.ts'
import type { Mode, Side } from '../../domain/viewState.ts'

export interface ImageFigureProps {
  /** data-testid of the canvas: image-xray, image-mri. */
  testId: string
  title: string
  /** Describes the picture for screen readers. */
  alt: string
  image: RenderedImage | null
  side: Side
  caption: ImageCaption
  mode: Mode
  /** Controls shown beside the title (the MRI's T1/T2 switch). */
  controls?: ReactNode
}

export function ImageFigure({ testId, title, alt, image, side, caption, mode, controls }: ImageFigureProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const c = canvas.current
    if (!c || !image) return
    c.width = image.width
    c.height = image.height
    c.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0)
  }, [image])
  const bar = image ? scaleBarMm(image.sizeMm) : 0
  return (
    <figure className="image-figure">
      <div className="image-title">
        <h3>{title}</h3>
        {controls}
      </div>
      <div className="image-frame" aria-busy={image ? undefined : true}>
        <canvas ref={canvas} data-testid={testId} role="img" aria-label={alt} data-stage={image?.stage} />
        <span className={`image-marker side ${side}`} aria-hidden="true">{side === 'right' ? 'R' : 'L'}</span>
        <span className="image-marker superior" aria-hidden="true">S ↑</span>
        {image && (
          <span className="image-scale" style={{ width: `${(100 * bar) / image.sizeMm}%` }}>
            {bar} mm
          </span>
        )}
      </div>
      <figcaption>
        {caption.text}
        {mode === 'clinician' && (
          <span className="image-source"> {imageSourceLine(caption)}</span>
        )}
      </figcaption>
    </figure>
  )
}
