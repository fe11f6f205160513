/**
 * A key of everything a full-frame pass reads: the values of the uniforms its shader source
 * names. Two draws with equal keys draw the same pixels (the pass reads nothing else: its vertex
 * shader is the fixed quad's), so a picture can keep a pass's result and reuse it. Uniforms the
 * material carries but its source never names (the disease's shared uniforms it does not use, the
 * blood flow's pulses) do not count: they change without changing the pass.
 */
import type { ShaderMaterial } from 'three'

const namesRead = new WeakMap<ShaderMaterial, readonly string[]>()

function namesOf(material: ShaderMaterial): readonly string[] {
  let names = namesRead.get(material)
  if (!names) {
    const source = material.fragmentShader
    names = Object.keys(material.uniforms)
      .filter((name) => new RegExp(`\\b${name}\\b`).test(source))
      .sort()
    namesRead.set(material, names)
  }
  return names
}

function valueKey(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(valueKey)
  const v = value as { toArray?: () => unknown; isTexture?: boolean; uuid?: string; version?: number }
  // A texture's pixels are not in the key: its identity and version are.
  if (v.isTexture) return `texture ${v.uuid} ${v.version}`
  if (typeof v.toArray === 'function') return v.toArray()
  throw new Error(`uniformsKey: a uniform value of an unknown kind (${Object.keys(value).join(', ')})`)
}

export function uniformsKey(material: ShaderMaterial): string {
  return JSON.stringify(namesOf(material).map((name) => [name, valueKey(material.uniforms[name]!.value)]))
}
