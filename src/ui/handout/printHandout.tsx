/**
 * "Print a handout": the page in ./HandoutPage.tsx with the view's picture, handed to the
 * browser's print dialog (where "Save as PDF" is one of the printers). Loaded on first use.
 *
 * The page lives in a host of its own under <body> while the dialog is open: on paper it is all
 * there is (styles.css hides the app under `@media print`), on screen it never shows. It goes
 * when the dialog closes (`afterprint`) or when the next handout replaces it.
 */
import { createRoot, type Root } from 'react-dom/client'
import { flushSync } from 'react-dom'
import { handoutFor } from '../../domain/handout.ts'
import { getViewState } from '../../state/viewStore.ts'
import { HandoutPage } from './HandoutPage.tsx'

let open: { host: HTMLElement; root: Root } | null = null

function closeHandout(): void {
  open?.root.unmount()
  open?.host.remove()
  open = null
}

export async function printHandout(): Promise<void> {
  const state = getViewState()
  const handout = handoutFor(state, new Date())
  let picture: string | null = null
  let pictureProblem: string | null = null
  try {
    const api = window.hipExplorer
    if (!api) throw new Error('the app is still starting.')
    // The view without its caption (the page has the words) or the screen's insets (the live
    // X-ray in surgeons' words). With the stage's X-ray and MRI in a patient's words, unless a
    // treatment is open: their captions describe the disease, not the operation's step.
    picture = await api.screenshot({ caption: false, images: !state.procedure, insets: false, wording: 'patient' })
  } catch (error) {
    pictureProblem = error instanceof Error ? error.message : String(error)
  }
  closeHandout()
  const host = document.createElement('div')
  host.className = 'handout'
  host.dataset.testid = 'handout'
  document.body.append(host)
  const root = createRoot(host)
  open = { host, root }
  flushSync(() => root.render(<HandoutPage handout={handout} picture={picture} pictureProblem={pictureProblem} />))
  // The dialog's preview is made at once: the picture must be decoded by then.
  await host.querySelector('img')?.decode().catch(() => {})
  window.addEventListener('afterprint', closeHandout, { once: true })
  window.print()
}
