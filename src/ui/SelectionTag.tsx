/**
 * The name tag of the selected structure, on the model: its name (plain or anatomical, by mode;
 * the clicked landmark region above it), and Hide / See-through / Only / close beside it — the
 * store's own actions, as in the structure list. It points at the clicked point (or the
 * structure's landmark) with a short leader line and follows the model as the camera turns:
 * the scene publishes where that point is every frame (state/selectionTagChannel.ts) and the
 * tag moves itself (no React render per frame). It stays inside the view and off the camera
 * toolbar (./tagPlacement.ts); it is gone while the selection is hidden.
 * A treatment's tool or graft that was clicked gets the same tag with its name (and, for
 * patients, the word the surgeon uses) and only a close button: it is not a structure to hide.
 * Loaded lazily, the first time something is selected.
 */
import { useEffect, useLayoutEffect, useRef, type MouseEvent } from 'react'
import { STRUCTURES } from '../domain/anatomy/structureInfo.ts'
import { REGIONS } from '../domain/anatomy/regions.ts'
import { useViewStore } from '../state/viewStore.ts'
import { usePickStore } from '../state/pickStore.ts'
import { OBJECT_NAMES } from '../domain/treatment/objectNames.ts'
import { onTagAnchor, type TagAnchor } from '../state/selectionTagChannel.ts'
import { placeTag, type Rect } from './tagPlacement.ts'

/** Distance from the named point and from the view's edges, in rem (scales with the page font). */
const GAP_REM = 0.9

export default function SelectionTag() {
  const selected = useViewStore((s) => s.selected)
  const hidden = useViewStore((s) => (s.selected ? s.hidden.includes(s.selected) : false))
  const faded = useViewStore((s) => (s.selected ? s.faded.includes(s.selected) : false))
  const mode = useViewStore((s) => s.mode)
  const region = usePickStore((s) => s.pickedRegion)
  const pickedObject = usePickStore((s) => (s.pickedObject ? s.pickedObject.object : null))
  const layerRef = useRef<HTMLDivElement>(null)
  const tagRef = useRef<HTMLDivElement>(null)
  const lineRef = useRef<SVGLineElement>(null)
  const dotRef = useRef<SVGCircleElement>(null)
  // The structure's tag, else the clicked tool's (picking never leaves both).
  const shown = selected !== null ? !hidden : pickedObject !== null
  const tagKey = selected ?? (pickedObject ? `${pickedObject.role}:${pickedObject.id}` : null)

  useLayoutEffect(() => {
    if (!shown) return
    const layer = layerRef.current
    const tag = tagRef.current
    const line = lineRef.current
    const dot = dotRef.current
    if (!layer || !tag || !line || !dot) return
    let last: TagAnchor | null = null
    const place = (anchor: TagAnchor | null) => {
      last = anchor
      if (!anchor) {
        tag.style.visibility = 'hidden'
        line.style.visibility = dot.style.visibility = 'hidden'
        return
      }
      const gap = GAP_REM * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16)
      const view = layer.getBoundingClientRect()
      const avoid: Rect[] = []
      for (const el of layer.parentElement?.querySelectorAll('.view-toolbar') ?? []) {
        const r = el.getBoundingClientRect()
        avoid.push({ x: r.left - view.left, y: r.top - view.top, width: r.width, height: r.height })
      }
      const at = placeTag({ ax: anchor.x, ay: anchor.y, width: tag.offsetWidth, height: tag.offsetHeight, viewWidth: view.width, viewHeight: view.height, avoid, gap })
      tag.style.transform = `translate(${Math.round(at.x)}px, ${Math.round(at.y)}px)`
      tag.style.visibility = 'visible'
      // The leader runs from the point to the tag's nearest corner; none when the point is off view.
      const cx = Math.min(Math.max(anchor.x, at.x), at.x + tag.offsetWidth)
      const cy = Math.min(Math.max(anchor.y, at.y), at.y + tag.offsetHeight)
      line.setAttribute('x1', String(anchor.x))
      line.setAttribute('y1', String(anchor.y))
      line.setAttribute('x2', String(cx))
      line.setAttribute('y2', String(cy))
      dot.setAttribute('cx', String(anchor.x))
      dot.setAttribute('cy', String(anchor.y))
      line.style.visibility = dot.style.visibility = anchor.inView ? 'visible' : 'hidden'
    }
    const stop = onTagAnchor(place)
    // The tag's size changes with its text (mode, region): place it again without a new frame.
    const resize = new ResizeObserver(() => place(last))
    resize.observe(tag)
    resize.observe(layer)
    return () => {
      stop()
      resize.disconnect()
    }
  }, [shown, tagKey])

  // Escape inside the tag closes it (the selection is cleared).
  useEffect(() => {
    const tag = tagRef.current
    if (!tag) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      layerRef.current?.closest<HTMLElement>('.viewer')?.focus()
      closeTag()
    }
    tag.addEventListener('keydown', onKey)
    return () => tag.removeEventListener('keydown', onKey)
  }, [shown, tagKey])

  if (!shown) return null
  if (selected === null) {
    if (!pickedObject) return null
    const names = OBJECT_NAMES[pickedObject.kind]
    return (
      <div className="selection-tag-layer" ref={layerRef}>
        <svg className="selection-tag-leader" aria-hidden="true">
          <line ref={lineRef} />
          <circle ref={dotRef} r={4} />
        </svg>
        <div className="selection-tag" ref={tagRef} role="group" aria-labelledby="selection-tag-name" data-testid="selection-tag" data-object={pickedObject.kind}>
          <div className="selection-tag-head">
            <p className="selection-tag-title">
              {mode === 'patient' && <span className="selection-tag-part" data-testid="selection-tag-part">{names.clinical}</span>}
              <strong id="selection-tag-name" data-testid="selection-tag-name">{mode === 'patient' ? names.patient : names.clinical}</strong>
            </p>
            <CloseButton title="Close the name tag (Esc)" onClick={(e) => leaveTag(e, closeTag)} />
          </div>
        </div>
      </div>
    )
  }
  const info = STRUCTURES[selected]
  const name = mode === 'patient' ? info.plainName : info.term
  // A region only names the part of the selected bone that was clicked.
  const part = region && REGIONS[region].bone === selected ? REGIONS[region].name : null
  const store = useViewStore.getState()
  const leave = leaveTag
  return (
    <div className="selection-tag-layer" ref={layerRef}>
      <svg className="selection-tag-leader" aria-hidden="true">
        <line ref={lineRef} />
        <circle ref={dotRef} r={4} />
      </svg>
      <div className="selection-tag" ref={tagRef} role="group" aria-labelledby="selection-tag-name" data-testid="selection-tag">
        <div className="selection-tag-head">
          <p className="selection-tag-title">
            {part && <span className="selection-tag-part" data-testid="selection-tag-part">{part}</span>}
            <strong id="selection-tag-name" data-testid="selection-tag-name">{name}</strong>
          </p>
          <CloseButton title="Clear the selection (Esc)" onClick={(e) => leave(e, () => store.select(null))} />
        </div>
        <div className="selection-tag-actions">
          <button type="button" data-testid="selection-tag-hide" onClick={(e) => leave(e, () => store.setHidden(selected, true))}>Hide</button>
          <button type="button" data-testid="selection-tag-fade" aria-pressed={faded} onClick={() => store.setFaded(selected, !faded)}>See-through</button>
          <button type="button" data-testid="selection-tag-only" onClick={() => store.showOnly(selected)}>Only</button>
        </div>
      </div>
    </div>
  )
}

/** Clears what the tag names: the selection, or the clicked tool's tag. */
function closeTag(): void {
  if (useViewStore.getState().selected !== null) useViewStore.getState().select(null)
  else usePickStore.getState().setPickedObject(null)
}

/** Hide and close remove the tag: focus goes back to the 3D view rather than to nowhere. */
function leaveTag(event: MouseEvent<HTMLButtonElement>, act: () => void): void {
  if (event.currentTarget === document.activeElement) event.currentTarget.closest<HTMLElement>('.viewer')?.focus()
  act()
}

function CloseButton({ title, onClick }: { readonly title: string; readonly onClick: (event: MouseEvent<HTMLButtonElement>) => void }) {
  return (
    <button type="button" className="selection-tag-close" aria-label="Close" title={title} data-testid="selection-tag-close" onClick={onClick}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" />
      </svg>
    </button>
  )
}
