/**
 * Named labels with leader lines over the 3D view: the landmark labels the user turned on and
 * the disease tags (domain/labelsShown.ts). The scene publishes where each anchor is
 * (state/labelChannel.ts); this overlay lays the labels out (./labelLayout.ts) and moves its
 * elements directly, so a moving camera costs no React render. Text scales with the page font,
 * so labels stay legible on a 4K screen; narrow views show only the main labels.
 */
import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { labelsShown, type ShownLabel } from '../domain/labelsShown.ts'
import { useViewStore } from '../state/viewStore.ts'
import { onLabelPositions } from '../state/labelChannel.ts'
import { layoutLabels, type LabelBox } from './labelLayout.ts'
import type { Rect } from './tagPlacement.ts'
import { STILL_INSET_ATTRIBUTE } from './stillInsets.ts'

/** Below this view width only priority-1 labels are shown (px). */
const NARROW_VIEW = 720

/** The step's insets laid over the view (the live X-ray, a picture), in the labels' frame. */
function insetRects(svg: SVGSVGElement | null): Rect[] {
  const viewer = svg?.closest('.viewer')
  if (!svg || !viewer) return []
  const frame = svg.getBoundingClientRect()
  return [...viewer.querySelectorAll(`[${STILL_INSET_ATTRIBUTE}]`)].map((el) => {
    const r = el.getBoundingClientRect()
    return { x: r.left - frame.left, y: r.top - frame.top, width: r.width, height: r.height }
  })
}

/**
 * How far from the view's left edge labels keep clear of the view buttons: past the buttons'
 * column when they stand as one (a wide view), 0 when they lie in a row along the bottom (the
 * view's container query decides; the canvas may be narrower than the view, beside the Images
 * panel, so its width alone cannot say). Read from the buttons' own box, after the label boxes
 * were measured (the layout is already fresh).
 */
function toolbarInset(svg: SVGSVGElement | null, fontPx: number): number {
  const toolbar = svg?.closest('.viewer')?.querySelector<HTMLElement>('.view-toolbar')
  if (!toolbar || toolbar.offsetHeight <= toolbar.offsetWidth) return 0
  return toolbar.offsetLeft + toolbar.offsetWidth + fontPx * 0.3
}

export default function LabelOverlay() {
  const mode = useViewStore((s) => s.mode)
  // The same list the scene places (a new array only when its content changes).
  const labels = useViewStore(useShallow((s) => labelsShown(s)))
  const byId = useRef(new Map<string, ShownLabel>())
  useEffect(() => {
    byId.current = new Map(labels.map((l) => [l.id, l]))
  }, [labels])
  const labelRefs = useRef(new Map<string, HTMLDivElement>())
  const lineRefs = useRef(new Map<string, SVGLineElement>())
  const dotRefs = useRef(new Map<string, SVGCircleElement>())
  const svgRef = useRef<SVGSVGElement>(null)

  useEffect(
    () =>
      onLabelPositions((positions, width, height) => {
        const svg = svgRef.current
        if (svg) svg.setAttribute('viewBox', `0 0 ${Math.max(1, width)} ${Math.max(1, height)}`)
        const narrow = width < NARROW_VIEW
        const fontPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
        const boxes: LabelBox[] = []
        for (const p of positions) {
          const anchor = byId.current.get(p.id)
          const el = labelRefs.current.get(p.id)
          if (!anchor || !el) continue
          if (p.visible && (!narrow || anchor.priority === 1)) {
            boxes.push({ id: p.id, ax: p.x, ay: p.y, width: el.offsetWidth, height: el.offsetHeight })
          }
        }
        const placed = new Map(
          layoutLabels(boxes, { reach: fontPx * 3, gap: fontPx * 0.3, width, height, leftInset: toolbarInset(svg, fontPx), obstacles: insetRects(svg) }).map((p) => [p.id, p]),
        )
        // A label the scene gives no position (nothing to point at: a cut that misses what the
        // tag names) is hidden with its line and dot, wherever it was drawn before.
        for (const [id, el] of labelRefs.current) {
          if (placed.has(id)) continue
          el.style.visibility = 'hidden'
          const line = lineRefs.current.get(id)
          const dot = dotRefs.current.get(id)
          if (line && dot) line.style.visibility = dot.style.visibility = 'hidden'
        }
        for (const p of positions) {
          const at = placed.get(p.id)
          const el = labelRefs.current.get(p.id)
          const line = lineRefs.current.get(p.id)
          const dot = dotRefs.current.get(p.id)
          if (!el || !line || !dot || !at) continue
          el.style.visibility = 'visible'
          line.style.visibility = dot.style.visibility = 'visible'
          el.style.transform = `translate(${at.x}px, ${at.y}px)`
          line.setAttribute('x1', String(at.lx))
          line.setAttribute('y1', String(at.ly))
          line.setAttribute('x2', String(p.x))
          line.setAttribute('y2', String(p.y))
          dot.setAttribute('cx', String(p.x))
          dot.setAttribute('cy', String(p.y))
        }
      }),
    [],
  )

  return (
    <div className="label-layer" data-testid="labels-layer" aria-hidden="true">
      <svg ref={svgRef} className="label-lines">
        {labels.map((a) => (
          <g key={a.id} className={a.kind === 'disease' ? 'disease' : undefined}>
            <line ref={(el) => void (el ? lineRefs.current.set(a.id, el) : lineRefs.current.delete(a.id))} />
            <circle r={3} ref={(el) => void (el ? dotRefs.current.set(a.id, el) : dotRefs.current.delete(a.id))} />
          </g>
        ))}
      </svg>
      {labels.map((a) => (
        <div
          key={a.id}
          className={a.kind === 'disease' ? 'label disease' : 'label'}
          data-label={a.id}
          ref={(el) => void (el ? labelRefs.current.set(a.id, el) : labelRefs.current.delete(a.id))}
        >
          {mode === 'patient' ? a.plainName : a.term}
        </div>
      ))}
    </div>
  )
}
