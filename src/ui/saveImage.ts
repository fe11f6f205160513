/** The "Save image" button: a PNG of the view with its caption, downloaded by the browser. */
import { getViewState } from '../state/viewStore.ts'

export async function saveImage(): Promise<void> {
  const api = window.hipExplorer
  if (!api) return
  const url = await api.screenshot({ caption: true })
  const { stage, side } = getViewState()
  const link = document.createElement('a')
  link.href = url
  link.download = `hip-avn-${side}-stage-${stage.toFixed(2)}.png`
  document.body.append(link)
  link.click()
  link.remove()
}
