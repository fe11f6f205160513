/**
 * Parses a checked .glb with three's GLTFLoader and its bundled meshopt decoder (inline
 * WebAssembly: nothing is fetched, only 'wasm-unsafe-eval' is needed under our CSP).
 */
import type { Group } from 'three'
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js'
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js'
import { ModelFileError } from './modelFile.ts'

export interface ParsedModel {
  readonly scene: Group
  /** The scene's glTF extras (landmarks and metadata written by the generator). */
  readonly extras: Record<string, unknown>
}

export async function parseModel(buffer: ArrayBuffer): Promise<ParsedModel> {
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder)
  try {
    const gltf = await loader.parseAsync(buffer, '')
    const extras = (gltf.scene.userData ?? {}) as Record<string, unknown>
    return { scene: gltf.scene, extras }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ModelFileError(`The 3D model file is corrupt and could not be read (${reason.slice(0, 160)}).`)
  }
}
