import { describe, expect, it } from 'vitest'
import { Matrix4, ShaderMaterial, Vector3 } from 'three'
import { uniformsKey } from '../../src/scene/imaging/uniformsKey.ts'

function pass() {
  return new ShaderMaterial({
    fragmentShader: 'uniform float uRim; uniform vec3 uHead; uniform mat4 uToRest; void main() { gl_FragColor = vec4(uRim, uHead.x, uToRest[0][0], 1.0); }',
    uniforms: { uRim: { value: 0.5 }, uHead: { value: new Vector3(1, 2, 3) }, uToRest: { value: new Matrix4() }, uPulses: { value: 0 }, uRimWidth: { value: 1 } },
  })
}

describe('uniformsKey (what a pass reads, as a key)', () => {
  it('is equal for equal values, and changes with any uniform the source reads', () => {
    const a = pass()
    const b = pass()
    expect(uniformsKey(a)).toBe(uniformsKey(b))
    b.uniforms.uHead!.value.set(1, 2, 3.001)
    expect(uniformsKey(a)).not.toBe(uniformsKey(b))
    a.uniforms.uHead!.value.set(1, 2, 3.001)
    a.uniforms.uToRest!.value.makeTranslation(0, 0, 1)
    expect(uniformsKey(a)).not.toBe(uniformsKey(b))
    b.uniforms.uToRest!.value.makeTranslation(0, 0, 1)
    b.uniforms.uRim!.value = 0.6
    expect(uniformsKey(a)).not.toBe(uniformsKey(b))
  })

  it('ignores uniforms the source does not name, even ones whose name starts like a read one', () => {
    const a = pass()
    const before = uniformsKey(a)
    a.uniforms.uPulses!.value = 0.7
    a.uniforms.uRimWidth!.value = 3
    expect(uniformsKey(a)).toBe(before)
  })
})
