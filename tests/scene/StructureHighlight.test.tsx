import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { Mesh, MeshStandardMaterial, Plane, type Object3D } from 'three'
import { StructureHighlight } from '../../src/scene/highlight/StructureHighlight.tsx'
import { useModelStore } from '../../src/scene/model/modelStore.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { usePickStore } from '../../src/state/pickStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { boxHip, loadFakeModel } from './support/fakeModel.ts'


const meshOf = (name: string): Mesh => useModelStore.getState().model!.scene.getObjectByName(name)!.children[0] as Mesh
/** The outline group of a kind under a structure's mesh, if made. */
const outline = (name: string, kind: 'selected' | 'hovered'): Object3D | undefined => meshOf(name).children.find((c) => c.name === `outline-${kind}`)

let renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>> | null = null

beforeEach(() => {
  useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' })
  usePickStore.setState({ hovered: null })
  loadFakeModel(boxHip(['femur', 'hipBone', 'jointCapsule']))
})

afterEach(async () => {
  await renderer?.unmount()
  renderer = null
  useModelStore.setState({ model: null })
})

describe('StructureHighlight', () => {
  it('outlines the selected structure only, with two rings, as helpers that picking and the other features skip', async () => {
    renderer = await ReactThreeTestRenderer.create(<StructureHighlight />)
    expect(outline('femur', 'selected')).toBeUndefined()
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select('femur'))
    const group = outline('femur', 'selected')!
    expect(group.visible).toBe(true)
    expect(outline('hipBone', 'selected')).toBeUndefined()
    const rings = group.children.filter((c) => (c as Mesh).isMesh && ((c as Mesh).material as MeshStandardMaterial).colorWrite)
    expect(rings).toHaveLength(2)
    for (const o of group.children) {
      expect(o.userData.sectionHelper).toBe(true)
      expect((o as Mesh).geometry).toBe(meshOf('femur').geometry) // shared, not copied
    }
    // Selecting another hides the first outline (kept for next time) and shows the new one.
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select('hipBone'))
    expect(outline('femur', 'selected')!.visible).toBe(false)
    expect(outline('hipBone', 'selected')!.visible).toBe(true)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select(null))
    expect(outline('hipBone', 'selected')!.visible).toBe(false)
  })

  it('marks the hovered structure with a different, single ring; the selected one keeps its own', async () => {
    renderer = await ReactThreeTestRenderer.create(<StructureHighlight />)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select('femur'))
    await ReactThreeTestRenderer.act(async () => usePickStore.getState().hover({ structure: 'hipBone', region: null }))
    const hovered = outline('hipBone', 'hovered')!
    expect(hovered.visible).toBe(true)
    expect(hovered.children.filter((c) => ((c as Mesh).material as MeshStandardMaterial).colorWrite)).toHaveLength(1)
    await ReactThreeTestRenderer.act(async () => usePickStore.getState().hover({ structure: 'femur', region: null }))
    expect(outline('femur', 'hovered')).toBeUndefined()
    expect(outline('hipBone', 'hovered')!.visible).toBe(false)
    expect(outline('femur', 'selected')!.visible).toBe(true)
  })

  it("draws with the structure's own shader changes and clipping, following them when they change", async () => {
    renderer = await ReactThreeTestRenderer.create(<StructureHighlight />)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select('femur'))
    const source = meshOf('femur').material as MeshStandardMaterial
    const ring = outline('femur', 'selected')!.children.find((c) => ((c as Mesh).material as MeshStandardMaterial).colorWrite) as Mesh
    const material = ring.material as MeshStandardMaterial
    // Another feature patches the structure's shader (as the disease layer does) and cuts it.
    const plane = new Plane()
    source.onBeforeCompile = (shader) => {
      shader.vertexShader = shader.vertexShader.replace('#include <begin_vertex>', '#include <begin_vertex>\n// patched')
    }
    source.customProgramCacheKey = () => 'patched'
    source.clippingPlanes = [plane]
    source.needsUpdate = true
    const version = material.version
    const renderer3 = { getDrawingBufferSize: (v: { set(x: number, y: number): unknown }) => v.set(800, 600), getPixelRatio: () => 2 }
    ring.onBeforeRender(renderer3 as never, null as never, null as never, ring.geometry, material, null as never)
    expect(material.version).toBeGreaterThan(version) // a new program before its next draw
    expect(material.clippingPlanes).toEqual([plane])
    expect(material.customProgramCacheKey()).toContain('patched')
    const shader = {
      uniforms: {},
      vertexShader: '#include <common>\n#include <begin_vertex>\n#include <fog_vertex>',
      fragmentShader: '#include <common>\n#include <lights_fragment_begin>\n#include <lights_fragment_maps>\n#include <lights_fragment_end>\n#include <dithering_fragment>',
    }
    material.onBeforeCompile(shader as never, renderer3 as never)
    expect(shader.vertexShader).toContain('// patched')
    expect(shader.vertexShader).toContain('uOutlineWidth')
    expect(shader.fragmentShader).toContain('gl_FragColor = vec4(uOutlineColour, 1.0)')
    expect(shader.fragmentShader).not.toContain('lights_fragment') // flat: no lighting to pay for
  })

  it('a see-through structure gets a depth-only copy so that its outline stays outside it', async () => {
    renderer = await ReactThreeTestRenderer.create(<StructureHighlight />)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select('jointCapsule'))
    const depth = outline('jointCapsule', 'selected')!.children.find((c) => !((c as Mesh).material as MeshStandardMaterial).colorWrite) as Mesh
    await ReactThreeTestRenderer.act(async () => renderer!.advanceFrames(1, 0.016))
    expect(depth.visible).toBe(true) // the capsule is transparent
    expect((depth.material as MeshStandardMaterial).depthWrite).toBe(true)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select('femur'))
    await ReactThreeTestRenderer.act(async () => renderer!.advanceFrames(1, 0.016))
    const femurDepth = outline('femur', 'selected')!.children.find((c) => !((c as Mesh).material as MeshStandardMaterial).colorWrite)!
    expect(femurDepth.visible).toBe(false) // opaque: its own depth is there already
  })
})
