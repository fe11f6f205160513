/** The name of what the pointer is over, beside the pointer (devices with a hovering pointer only). */
import { useLayoutEffect, useRef } from 'react'
import { useViewStore } from '../state/viewStore.ts'
import { isObjectPick, usePickStore } from '../state/pickStore.ts'
import { objectName } from '../domain/treatment/objectNames.ts'
import { STRUCTURES } from '../domain/anatomy/structureInfo.ts'
import { REGIONS } from '../domain/anatomy/regions.ts'
import { placeHoverTip } from './hoverTipPlacement.ts'

/** Loaded lazily, once hover picking is ready. */
export default function HoverTip() {
  const hovered = usePickStore((s) => s.hovered)
  const pointer = usePickStore((s) => s.pointer)
  const mode = useViewStore((s) => s.mode)
  const ref = useRef<HTMLDivElement>(null)

  // Placed once its size is known (before paint), flipped off the view's edges (./hoverTipPlacement.ts).
  useLayoutEffect(() => {
    const tip = ref.current
    const view = tip?.offsetParent as HTMLElement | null
    if (!tip || !view) return
    const { left, top } = placeHoverTip({
      x: pointer.x,
      y: pointer.y,
      width: tip.offsetWidth,
      height: tip.offsetHeight,
      viewWidth: view.clientWidth,
      viewHeight: view.clientHeight,
    })
    tip.style.transform = `translate(${left}px, ${top}px)`
  })

  if (!hovered) return null
  let label
  if (isObjectPick(hovered)) {
    label = <strong>{objectName(hovered.object.kind, mode)}</strong>
  } else {
    const names = STRUCTURES[hovered.structure]
    const structure = mode === 'patient' ? names.plainName : names.term
    const region = hovered.region ? REGIONS[hovered.region].name : null
    label = region ? (
      <>
        <strong>{region}</strong> · {structure}
      </>
    ) : (
      <strong>{structure}</strong>
    )
  }
  return (
    <div ref={ref} className="hover-tip" data-testid="hover-tip">
      {label}
    </div>
  )
}
