/** Pauses and resumes the blood-flow animation (the store's `flow`, kept in the link). */
import { useViewStore } from '../state/viewStore.ts'

export function FlowToggle() {
  const flow = useViewStore((s) => s.flow)
  const setFlow = useViewStore((s) => s.setFlow)
  return (
    <button
      type="button"
      className="flow-toggle"
      data-testid="flow-toggle"
      aria-pressed={flow}
      title={flow ? 'Pause the blood-flow animation' : 'Show the blood flow moving'}
      onClick={() => setFlow(!flow)}
    >
      {flow ? 'Flow ❚❚' : 'Flow ▶'}
    </button>
  )
}
