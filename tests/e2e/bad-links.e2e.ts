/**
 * A malformed or out-of-range link never breaks the page: values are ignored or clamped,
 * and a dismissible notice names what was ignored.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/viewState.ts'
import { appPagesForFile, COMPACT_VIEWPORT, getState, waitForReady } from './support/page.ts'
import { GATE } from './support/gate.ts'

const appPage = appPagesForFile()

interface BadLink {
  name: string
  query: string
  /** What the notice must mention (case-insensitive). */
  names: RegExp[]
  /** The state the page must end up in. */
  state: Partial<ViewState>
  /** In the gate (`npm test`); every case runs in `npm run test:full`. */
  gate?: boolean
}

const CASES: BadLink[] = [
  { name: 'a stage that is not a number', query: '?stage=banana&view=lateral', names: [/stage/i, /banana/i], state: { stage: 0, view: 'lateral' }, gate: true },
  { name: 'a stage out of range (clamped to 4)', query: '?stage=99', names: [/stage/i, /99/], state: { stage: 4 } },
  { name: 'an unknown procedure', query: '?proc=unknown&mode=clinician', names: [/proc/i, /unknown/i], state: { procedure: null, mode: 'clinician' } },
  { name: 'a 10 kB query string', query: `?view=superior&stage=${'7'.repeat(10 * 1024)}`, names: [/stage/i], state: { stage: 0, view: 'superior' } },
]

describe('bad links', () => {
  for (const c of CASES) {
    it(`survives ${c.name}: notice, dismiss, page alive`, c.gate ? GATE : {}, async () => {
      const app = await appPage({ viewport: COMPACT_VIEWPORT })
      const { page } = app
      await app.open(c.query)
      await waitForReady(page)
      expect(await getState(page)).toEqual({ ...DEFAULT_VIEW_STATE, ...c.state })

      const notice = page.locator('[data-testid="url-notice"]')
      await notice.waitFor({ state: 'visible', timeout: 10_000 })
      const text = await notice.innerText()
      for (const re of c.names) expect(text, 'the notice names what was ignored').toMatch(re)
      expect(text.length, 'a short notice, not the 10 kB value').toBeLessThan(400)

      await page.locator('[data-testid="url-notice-dismiss"]').click()
      await notice.waitFor({ state: 'hidden', timeout: 5_000 })

      // Still alive: a choice still changes the state and the link.
      await page.locator('[data-testid="view-posterior"]').click()
      await expect.poll(() => getState(page)).toMatchObject({ view: 'posterior' })
      expect(new URL(page.url()).searchParams.get('view')).toBe('posterior')
      expect(await page.locator('[data-testid="error-panel"]').isVisible()).toBe(false)
      expect(app.problems.pageErrors).toEqual([])
      expect(app.problems.offOrigin).toEqual([])
    })
  }
})
