/**
 * What public/models/hip.glb is generated from: every source file the generator imports
 * (followed from src/anatomy/buildHip.ts through relative imports, so the domain files it uses
 * are in, and files it does not use are out) and every npm package it imports, with all of
 * their dependencies as package-lock.json pins them (version and integrity).
 *
 * `npm run models` records the hash of that set next to the model, in MODEL_SOURCES_FILE;
 * tests/unit/model-generator.test.ts regenerates the model byte for byte (≈30–80 s) only when
 * the set hashes differently now, i.e. when a generator change may not have been followed by
 * `npm run models`. Not covered: a different Node.js whose Math functions round differently
 * (set HIP_MODEL_FULL_CHECK=1 to regenerate anyway).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ENTRY = 'src/anatomy/buildHip.ts'

export const MODEL_FILE = join(ROOT, 'public/models/hip.glb')
/** The record of what the committed model was generated from (written by `npm run models`). */
export const MODEL_SOURCES_FILE = join(ROOT, 'public/models/hip.glb.sources.json')

export interface ModelSources {
  /** sha256 over everything below: equal hashes, equal generator input. */
  sourcesSha256: string
  /** Source files (repository paths) with the first 16 hex digits of their sha256. */
  files: Record<string, string>
  /** npm packages the generator runs, with their dependencies: name → version. */
  packages: Record<string, string>
}

export interface ModelSourcesRecord extends ModelSources {
  about: string
  /** sha256 of the public/models/hip.glb that was written together with this record. */
  glbSha256: string
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')

/** Module specifiers in a TypeScript file: static imports and re-exports, dynamic imports. */
function specifiers(code: string): string[] {
  const out: string[] = []
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) out.push(m[1]!)
  return out
}

function resolveLocal(from: string, spec: string): string {
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve ${spec}`)
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(spec: string): string {
  const parts = spec.split('/')
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
}

interface LockPackage {
  version?: string
  integrity?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

/** The package and all its dependencies, resolved like Node does in package-lock's tree. */
function lockClosure(roots: readonly string[]): Record<string, LockPackage> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> }
  const found: Record<string, LockPackage> = {}
  const visit = (name: string, fromPath: string) => {
    // Node looks in the nearest node_modules first, then further up.
    let dir = fromPath
    for (;;) {
      const key = `${dir ? `${dir}/` : ''}node_modules/${name}`
      const entry = lock.packages[key]
      if (entry) {
        if (!(key in found)) {
          found[key] = entry
          for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(dep, key)
        }
        return
      }
      if (!dir) return // not installed (an optional dependency for another platform)
      const up = dir.lastIndexOf('/node_modules/')
      dir = up < 0 ? '' : dir.slice(0, up)
    }
  }
  for (const name of roots) visit(name, '')
  return found
}

export function modelSources(): ModelSources {
  const files: Record<string, string> = {}
  const packages = new Set<string>()
  const queue = [join(ROOT, ENTRY)]
  const seen = new Set(queue)
  const contents: string[] = []
  while (queue.length) {
    const file = queue.shift()!
    // Line endings normalised: a checkout with CRLF is the same source.
    const code = readFileSync(file, 'utf8').replace(/\r\n/g, '\n')
    const path = relative(ROOT, file).split('\\').join('/')
    files[path] = sha256(code).slice(0, 16)
    contents.push(`${path}\n${sha256(code)}`)
    for (const spec of specifiers(code)) {
      if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec)
        if (!seen.has(next)) {
          seen.add(next)
          queue.push(next)
        }
      } else if (!spec.startsWith('node:')) packages.add(packageName(spec))
    }
  }
  const locked = lockClosure([...packages].sort())
  const pinned: Record<string, string> = {}
  for (const key of Object.keys(locked).sort()) {
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)
    pinned[name] = locked[key]!.version ?? '?'
    contents.push(`${key}@${locked[key]!.version}#${locked[key]!.integrity ?? ''}`)
  }
  const sortedFiles = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))
  return { sourcesSha256: sha256(contents.sort().join('\n')), files: sortedFiles, packages: pinned }
}

export function glbSha256(bytes: Uint8Array = readFileSync(MODEL_FILE)): string {
  return sha256(bytes)
}

export function readModelSourcesRecord(): ModelSourcesRecord | null {
  try {
    return JSON.parse(readFileSync(MODEL_SOURCES_FILE, 'utf8')) as ModelSourcesRecord
  } catch {
    return null
  }
}

export function modelSourcesRecord(glb: Uint8Array, sources: ModelSources = modelSources()): ModelSourcesRecord {
  return {
    about: 'What public/models/hip.glb was generated from. Written by `npm run models` (scripts/modelSources.ts); do not edit.',
    glbSha256: glbSha256(glb),
    ...sources,
  }
}
