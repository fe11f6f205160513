/** The "Save image" button: a PNG of the view with its caption, downloaded by the browser. */
import { getViewState } from '../state/viewStore.ts'
import { useStatusStore } from '../state/statusStore.ts'

export async function saveImage(): Promise<void> {
  const api = window.hipExplorer
  if (!api) return
  const notices = useStatusStore.getState()
  let url: string
  try {
    url = await api.screenshot({ caption: true })
  } catch (error) {
    // Say why (e.g. the graphics context is being restored) rather than save an empty picture.
    const reason = error instanceof Error ? error.message : String(error)
    notices.showNotice({ id: 'save-image', text: `The image could not be saved. ${reason}`, action: { label: 'Try again', run: () => void saveImage() } })
    return
  }
  notices.dismissNotice('save-image')
  const { stage, side } = getViewState()
  const link = document.createElement('a')
  link.href = url
  link.download = `hip-avn-${side}-stage-${stage.toFixed(2)}.png`
  document.body.append(link)
  link.click()
  link.remove()
}
