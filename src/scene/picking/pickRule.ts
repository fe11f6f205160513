/**
 * The picking rule (../visibility/firstDrawn.ts and the cut-face tests it uses) loads once the
 * hip is drawn, not in the first download: nothing can be clicked before the hip is on screen,
 * and a click that comes before the code is answered once it has arrived (HipModel).
 */
type FirstDrawn = (typeof import('../visibility/firstDrawn.ts'))['firstDrawn']

let loaded: FirstDrawn | null = null
let loading: Promise<FirstDrawn> | null = null

/** The rule, once loaded (null before). */
export function pickRule(): FirstDrawn | null {
  return loaded
}

export function loadPickRule(): Promise<FirstDrawn> {
  loading ??= import('../visibility/firstDrawn.ts').then(
    (m) => (loaded = m.firstDrawn),
    (error: unknown) => {
      // Asked again at the next click; the lazy-part notices report a chunk that cannot load.
      loading = null
      throw error
    },
  )
  return loading
}
