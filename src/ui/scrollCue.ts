/**
 * Loaded after the first picture (./useScrollCue.ts). A row of buttons that scrolls sideways (the
 * top bar's actions and the view's buttons on a phone or a phone on its side) says so: while
 * there is more to see past an edge, the row carries
 * `data-more` = "start", "end" or "both", and CSS fades that edge (styles.css). Without it the
 * buttons past the edge ("Images", "About & sources", "Expert" at 844×390) were simply not there
 * for a user who did not think of swiping the row.
 */

/** Under this many px of hidden content, an edge counts as reached (sub-pixel widths, rounding). */
const SLACK_PX = 2

export function scrollCue(scrollLeft: number, clientWidth: number, scrollWidth: number): 'start' | 'end' | 'both' | null {
  const before = scrollLeft > SLACK_PX
  const after = scrollLeft + clientWidth < scrollWidth - SLACK_PX
  return before && after ? 'both' : before ? 'start' : after ? 'end' : null
}

/** Keeps `el`'s `data-more` up to date; returns the clean-up. */
export function watchScrollCue(el: HTMLElement): () => void {
  const update = () => {
    const cue = scrollCue(el.scrollLeft, el.clientWidth, el.scrollWidth)
    if (cue) el.dataset.more = cue
    else delete el.dataset.more
  }
  update()
  el.addEventListener('scroll', update, { passive: true })
  // The row's size and its buttons' (labels change with the mode, buttons come and go).
  const sizes = new ResizeObserver(update)
  const observeChildren = () => {
    for (const child of el.children) sizes.observe(child)
  }
  sizes.observe(el)
  observeChildren()
  const children = new MutationObserver(() => {
    observeChildren()
    update()
  })
  children.observe(el, { childList: true })
  return () => {
    el.removeEventListener('scroll', update)
    sizes.disconnect()
    children.disconnect()
    delete el.dataset.more
  }
}
