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

/**
 * No byte for this long means the download has stalled (a proxy holding the connection open,
 * a network that went away without closing it): it is abandoned with a message and a retry
 * instead of "Loading… 30%" for ever.
 */
export const DOWNLOAD_STALL_MS = 12_000
/**
 * The largest model file accepted. The generated hip is about 2 MB (the benchmark holds it to
 * 2.5 MB); a file many times that is not ours, and reading it whole could exhaust the tab.
 */
export const MAX_MODEL_BYTES = 32 * 1024 * 1024

/** Progress: a fraction 0..1, or null while the size is unknown (no or a compressed length). */
export type DownloadProgress = (fraction: number | null) => void

function tooLarge(bytes: number): ModelFileError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(0)
  return new ModelFileError(`The 3D model file is too large (${mb(bytes)} MB; at most ${mb(MAX_MODEL_BYTES)} MB is read): it is not the hip model.`)
}

export async function downloadModel(url: string, onProgress: DownloadProgress, signal?: AbortSignal, stallMs = DOWNLOAD_STALL_MS): Promise<ArrayBuffer> {
  // Our own controller, so a stall can abort the request the caller's signal also controls.
  const controller = new AbortController()
  const stopWithCaller = () => controller.abort(signal?.reason)
  signal?.addEventListener('abort', stopWithCaller)
  let stalled = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null
  const stillAlive = () => {
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => {
      stalled = true
      controller.abort()
      void reader?.cancel().catch(() => {}) // ends a read the abort does not reach
    }, stallMs)
  }
  const failure = (error: unknown): unknown => {
    if (signal?.aborted) return error
    if (stalled) {
      return new ModelFileError(`The 3D model download stalled: nothing arrived for ${Math.round(stallMs / 1000)} seconds. Check the connection and try again.`)
    }
    return error instanceof ModelFileError ? error : new ModelFileError('The 3D model could not be downloaded: the connection failed.')
  }
  try {
    stillAlive()
    let response: Response
    try {
      response = await fetch(url, { signal: controller.signal, cache: 'no-cache' })
    } catch (error) {
      throw failure(error)
    }
    if (!response.ok) {
      throw new ModelFileError(
        response.status === 404
          ? 'The 3D model file was not found on the server (HTTP 404).'
          : `The server refused the 3D model file (HTTP ${response.status}).`,
      )
    }
    // A compressed transfer announces its compressed length, which says nothing about the bytes read.
    const announced = Number(response.headers.get('content-length')) || 0
    let total = response.headers.get('content-encoding') ? 0 : announced
    if (total > MAX_MODEL_BYTES) throw tooLarge(total)
    onProgress(total > 0 ? 0 : null)
    if (!response.body) return checkGlb(await response.arrayBuffer())
    reader = response.body.getReader()
    const chunks: Uint8Array[] = []
    let received = 0
    for (;;) {
      stillAlive()
      let part: ReadableStreamReadResult<Uint8Array>
      try {
        part = await reader.read()
      } catch (error) {
        throw failure(error)
      }
      if (stalled) throw failure(null)
      if (part.done) break
      chunks.push(part.value)
      received += part.value.byteLength
      if (received > MAX_MODEL_BYTES) {
        void reader.cancel()
        throw tooLarge(received)
      }
      if (received > total) total = 0 // the announced size was wrong: say nothing rather than 100 %
      onProgress(total > 0 ? received / total : null)
    }
    const bytes = new Uint8Array(received)
    let offset = 0
    for (const chunk of chunks) {
      bytes.set(chunk, offset)
      offset += chunk.byteLength
    }
    onProgress(1)
    return checkGlb(bytes.buffer)
  } finally {
    if (timer !== null) clearTimeout(timer)
    signal?.removeEventListener('abort', stopWithCaller)
  }
}

/** Validates the binary glTF header (magic, version, declared length). */
export function checkGlb(buffer: ArrayBuffer): ArrayBuffer {
  if (buffer.byteLength > MAX_MODEL_BYTES) throw tooLarge(buffer.byteLength)
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
