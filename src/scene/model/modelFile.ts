/**
 * Downloads the generated hip model with progress, and checks it before parsing, so that a
 * missing, truncated or corrupt file produces a message that names the problem instead of
 * a parser's stack trace.
 */

// `import.meta.env` exists only under vite; the file checks also run in plain Node scripts.
export const HIP_MODEL_URL = `${import.meta.env?.BASE_URL ?? "./"}models/hip.glb`

/** A problem with the model file, worded for the user. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError'
}

const GLB_MAGIC = 0x46546c67 // "glTF", little endian

export async function downloadModel(url: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<ArrayBuffer> {
  let response: Response
  try {
    response = await fetch(url, { signal, cache: 'no-cache' })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ModelFileError('The 3D model could not be downloaded: the connection failed.')
  }
  if (!response.ok) {
    throw new ModelFileError(
      response.status === 404
        ? 'The 3D model file was not found on the server (HTTP 404).'
        : `The server refused the 3D model file (HTTP ${response.status}).`,
    )
  }
  const total = Number(response.headers.get('content-length')) || 0
  if (!response.body) return checkGlb(await response.arrayBuffer())
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.byteLength
    if (total > 0) onProgress(Math.min(1, received / total))
  }
  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  onProgress(1)
  return checkGlb(bytes.buffer)
}

/** Validates the binary glTF header (magic, version, declared length). */
export function checkGlb(buffer: ArrayBuffer): ArrayBuffer {
  if (buffer.byteLength < 20) {
    throw new ModelFileError(`The 3D model file is empty or truncated (${buffer.byteLength} bytes).`)
  }
  const view = new DataView(buffer)
  if (view.getUint32(0, true) !== GLB_MAGIC) {
    const start = new TextDecoder().decode(new Uint8Array(buffer, 0, 9)).replace(/[^\x20-\x7e]/g, '?')
    const hint = start.startsWith('<') ? ' (the server sent a web page instead)' : ''
    throw new ModelFileError(`The 3D model file is corrupt: it is not a binary glTF file${hint}.`)
  }
  const version = view.getUint32(4, true)
  if (version !== 2) throw new ModelFileError(`The 3D model file has an unsupported glTF version (${version}).`)
  const declared = view.getUint32(8, true)
  if (declared > buffer.byteLength) {
    throw new ModelFileError(`The 3D model file is truncated: ${buffer.byteLength} of ${declared} bytes arrived.`)
  }
  return buffer
}
