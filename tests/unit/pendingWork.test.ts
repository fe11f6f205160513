import { describe, expect, it } from 'vitest'
import { beginWork, onWorkDone, pendingWork } from '../../src/state/pendingWork.ts'

describe('pending work (what hipExplorer.idle() waits for besides frames)', () => {
  it('lists work until it ends, once, and tells listeners', () => {
    const ended: string[] = []
    const stop = onWorkDone(() => ended.push(pendingWork().join(',')))
    const a = beginWork('chunk')
    const b = beginWork('shaders')
    expect(pendingWork()).toEqual(['chunk', 'shaders'])
    a()
    a() // a second call is harmless and not reported again
    expect(pendingWork()).toEqual(['shaders'])
    b()
    expect(pendingWork()).toEqual([])
    expect(ended).toEqual(['shaders', ''])
    stop()
    beginWork('later')()
    expect(ended).toHaveLength(2)
  })
})
