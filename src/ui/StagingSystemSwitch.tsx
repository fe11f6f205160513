/**
 * ARCO or Ficat–Arlet: which staging system names the stages. In the stage bar for clinicians;
 * behind "More" in the side panel for patients, who meet the codes only in small print.
 */
import { useViewStore } from '../state/viewStore.ts'

export function StagingSystemSwitch() {
  const system = useViewStore((s) => s.stageSystem)
  const setSystem = useViewStore((s) => s.setStageSystem)
  return (
    <div className="segmented small" role="group" aria-label="Staging system">
      <button type="button" aria-pressed={system === 'arco'} onClick={() => setSystem('arco')}>ARCO</button>
      <button type="button" aria-pressed={system === 'ficat'} onClick={() => setSystem('ficat')}>Ficat–Arlet</button>
    </div>
  )
}
