/**
 * Turns a checked .glb into a three.js scene with our focused reader (./glbReader.ts): the
 * meshopt decoder is inline WebAssembly, so nothing is fetched and only 'wasm-unsafe-eval' is
 * needed under our CSP.
 */
import type { Group } from 'three'
import { readGlb } from './glbReader.ts'
import { ModelFileError } from './modelFile.ts'

export interface ParsedModel {
  readonly scene: Group
  /** The scene's glTF extras (landmarks and metadata written by the generator). */
  readonly extras: Record<string, unknown>
}

export async function parseModel(buffer: ArrayBuffer): Promise<ParsedModel> {
  try {
    return await readGlb(buffer)
  } catch (error) {
    if (error instanceof ModelFileError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new ModelFileError(`The 3D model file is corrupt and could not be read (${reason.slice(0, 160)}).`)
  }
}
