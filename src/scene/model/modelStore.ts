/**
 * The loaded hip model and its loading life cycle. Loading starts at app start-up, in parallel
 * with creating the WebGL context (parsing needs no GPU), and again whenever the user retries.
 */
import { create } from 'zustand'
import { useStatusStore } from '../../state/statusStore.ts'
import { downloadModel, HIP_MODEL_URL, ModelFileError } from './modelFile.ts'
import { parseModel, type ParsedModel } from './parseModel.ts'
import { disposeObject } from '../three/dispose.ts'
import { prepareHipScene, type StructureNodes } from './prepareHipScene.ts'
import { validateModel } from './validateModel.ts'

export interface LoadedHip extends ParsedModel {
  /** The node of each structure found in the file. */
  readonly nodes: StructureNodes
}

interface ModelState {
  model: LoadedHip | null
}

export const useModelStore = create<ModelState>()(() => ({ model: null }))

let controller: AbortController | null = null

async function load(): Promise<void> {
  controller?.abort()
  const current = new AbortController()
  controller = current
  const status = useStatusStore.getState()
  status.setModel('loading')
  status.setModelProgress(0)
  try {
    const buffer = await downloadModel(HIP_MODEL_URL, (f) => useStatusStore.getState().setModelProgress(f), current.signal)
    const parsed = await parseModel(buffer)
    if (current.signal.aborted) return
    try {
      validateModel(parsed.scene, parsed.extras)
    } catch (error) {
      disposeObject(parsed.scene)
      throw error
    }
    const model: LoadedHip = { ...parsed, nodes: prepareHipScene(parsed.scene, parsed.extras) }
    const previous = useModelStore.getState().model
    useModelStore.setState({ model })
    if (previous) disposeObject(previous.scene)
    useStatusStore.getState().setModel('ready')
  } catch (error) {
    if (current.signal.aborted) return
    const message = error instanceof ModelFileError ? error.message : `The 3D model could not be loaded (${String(error)}).`
    useStatusStore.getState().setModel('error', message)
  }
}

/** Loads the model now and on every retry. Returns a function that stops listening. */
export function startModelLoading(): () => void {
  void load()
  return useStatusStore.subscribe((state, previous) => {
    if (state.modelAttempt !== previous.modelAttempt) void load()
  })
}
