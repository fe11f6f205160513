/** The name of what the pointer is over, beside the pointer (devices with a hovering pointer only). */
import { useViewStore } from '../state/viewStore.ts'
import { isObjectPick, usePickStore } from '../state/pickStore.ts'
import { objectName } from '../domain/treatment/objectNames.ts'
import { STRUCTURES } from '../domain/anatomy/structureInfo.ts'
import { REGIONS } from '../domain/anatomy/regions.ts'

/** Loaded lazily, once hover picking is ready. */
export default function HoverTip() {
  const hovered = usePickStore((s) => s.hovered)
  const pointer = usePickStore((s) => s.pointer)
  const mode = useViewStore((s) => s.mode)
  if (!hovered) return null
  if (isObjectPick(hovered)) {
    return (
      <div className="hover-tip" data-testid="hover-tip" style={{ transform: `translate(${pointer.x + 14}px, ${pointer.y + 14}px)` }}>
        <strong>{objectName(hovered.object.kind, mode)}</strong>
      </div>
    )
  }
  const names = STRUCTURES[hovered.structure]
  const structure = mode === 'patient' ? names.plainName : names.term
  const region = hovered.region ? REGIONS[hovered.region].name : null
  return (
    <div className="hover-tip" data-testid="hover-tip" style={{ transform: `translate(${pointer.x + 14}px, ${pointer.y + 14}px)` }}>
      {region ? (
        <>
          <strong>{region}</strong> · {structure}
        </>
      ) : (
        <strong>{structure}</strong>
      )}
    </div>
  )
}
