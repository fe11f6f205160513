/**
 * `npm run models`: regenerates public/models/hip.glb from code (src/anatomy),
 * deterministically: the same bytes on every run, and records what it was generated from in
 * public/models/hip.glb.sources.json (./modelSources.ts; the unit tests regenerate the model
 * only when that record no longer matches the sources).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildHip } from '../src/anatomy/buildHip.ts'
import { MODEL_SOURCES_FILE, modelSources, modelSourcesRecord } from './modelSources.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const out = resolve(root, 'public/models/hip.glb')
const start = performance.now()
const sources = modelSources() // before generating: what this run is built from
const built = await buildHip(undefined, (s) => console.log(`  ${s}`))
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, built.glb)
writeFileSync(MODEL_SOURCES_FILE, `${JSON.stringify(modelSourcesRecord(built.glb, sources), null, 2)}\n`)
let tris = 0
for (const [id, m] of Object.entries(built.meshes)) {
  const n = m.indices.length / 3
  tris += n
  console.log(`  ${id.padEnd(36)} ${String(n).padStart(7)} triangles`)
}
const sha = createHash('sha256').update(built.glb).digest('hex').slice(0, 16)
console.log(
  `hip.glb: ${built.glb.length} bytes, ${tris} triangles, ${Object.keys(built.meshes).length} meshes, sha256 ${sha}, ${((performance.now() - start) / 1000).toFixed(1)} s`,
)
