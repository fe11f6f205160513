/**
 * Shows a rendered picture (the Images panel's, the live X-ray's) in an <img>: the one way they
 * reach the page.
 *
 * An <img> of a BMP blob, not a canvas. Any canvas's first pixels (2D, CPU-backed 2D or
 * 'bitmaprenderer') make the page set up a GPU context for canvases, a call that waits for the
 * GPU process, which also draws the 3D view: with software WebGL the live X-ray's first picture
 * in a core decompression stopped the page for 560 ms (putImageData, 2D), 205 ms (a bitmap,
 * at the compositor's commit), behind a view frame (measured). An image is decoded off the
 * page's thread and drawn by the compositor's raster, which needs nothing new.
 *
 * `shown` is the picture the image holds (decoded), not the last one asked for: the element's
 * `data-stage` and busy state follow it, and `hipExplorer.idle()` waits until it is in.
 */
import { useEffect, useRef, useState } from 'react'
import type { RenderedImage } from '../../state/imagingStore.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { encodeBmp } from './bmp.ts'
import { inOwnTask } from '../../scene/quietMoment.ts'

/** Changes a copy of the picture's RGBA rows before it is shown (e.g. a round field's black outside). A module-level function: a new one redraws. */
export type PixelTouch = (data: Uint8ClampedArray, width: number, height: number) => void

export function usePictureImage(image: RenderedImage | null, touch?: PixelTouch) {
  const ref = useRef<HTMLImageElement>(null)
  const [shown, setShown] = useState<RenderedImage | null>(null)
  useEffect(() => {
    const element = ref.current
    if (!image || !element) return
    const done = beginWork('picture decoded')
    let current = true
    let url: string | null = null
    // Encoded in a task of its own, not in the commit that brought the picture (a treatment's
    // step: 20 ms more in that task for the live X-ray's round field and its BMP, measured).
    const cancel = inOwnTask(() => {
      let data = image.data
      if (touch) {
        data = new Uint8ClampedArray(image.data)
        touch(data, image.width, image.height)
      }
      url = URL.createObjectURL(new Blob([encodeBmp(data, image.width, image.height)], { type: 'image/bmp' }))
      element.src = url
      element
        .decode()
        .then(() => {
          if (current) setShown(image)
        })
        .catch(() => {
          /* replaced by a newer picture before it was decoded, or the page is going away */
        })
        .finally(done)
    })
    return () => {
      current = false
      // The image keeps its decoded pixels until the next picture's replace them (no blank between).
      if (url) URL.revokeObjectURL(url)
      else {
        // Never encoded: its work ends after the next picture's has begun (idle() sees no gap).
        cancel()
        queueMicrotask(done)
      }
    }
  }, [image, touch])
  return { ref, shown }
}
