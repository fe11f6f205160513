import { describe, expect, it } from 'vitest'
import { BoxGeometry, Group, Mesh, MeshStandardMaterial } from 'three'
import { showSeeThrough, withSeeThrough } from '../../src/scene/model/seeThroughLook.ts'
import { SEEN_THROUGH_BY_ANY_STEP } from '../../src/domain/treatment/stepViews.ts'
import type { LoadedHip } from '../../src/scene/model/modelStore.ts'

/** A hip of three structures, each one mesh with its own material (the glass one see-through by itself). */
function hip() {
  const geometry = new BoxGeometry()
  const femur = new Mesh(geometry, new MeshStandardMaterial())
  const cartilage = new Mesh(geometry, new MeshStandardMaterial())
  const glass = new Mesh(geometry, new MeshStandardMaterial({ transparent: true, opacity: 0.5, depthWrite: false }))
  const scene = new Group()
  scene.add(femur, cartilage, glass)
  const model = { scene, nodes: { femur, femoralHeadCartilage: cartilage, jointCapsule: glass } } as unknown as LoadedHip
  const look = (m: Mesh) => {
    const material = m.material as MeshStandardMaterial
    return { transparent: material.transparent, opacity: material.opacity, depthWrite: material.depthWrite, version: material.version }
  }
  return { model, femur, cartilage, glass, look }
}

describe('the see-through look', () => {
  it('draws the chosen structures see-through and puts the others back as the file made them', () => {
    const { model, femur, cartilage, glass, look } = hip()
    showSeeThrough(model, new Set(['femur', 'jointCapsule'] as const))
    expect(look(femur)).toMatchObject({ transparent: true, opacity: 0.18, depthWrite: false })
    expect(look(cartilage)).toMatchObject({ transparent: false, opacity: 1, depthWrite: true })
    expect(look(glass)).toMatchObject({ transparent: true, opacity: 0.18, depthWrite: false })
    showSeeThrough(model, new Set())
    expect(look(femur)).toMatchObject({ transparent: false, opacity: 1, depthWrite: true })
    expect(look(glass)).toMatchObject({ transparent: true, opacity: 0.5, depthWrite: false })
  })

  it('asks three for a new program only when the transparency changes', () => {
    const { model, femur, cartilage, look } = hip()
    const before = look(cartilage).version
    showSeeThrough(model, new Set(['femur']))
    expect(look(cartilage).version).toBe(before)
    const femurVersion = look(femur).version
    showSeeThrough(model, new Set(['femur']))
    expect(look(femur).version).toBe(femurVersion)
  })

  it('lends the see-through look for the length of one call and restores every look exactly', () => {
    const { model, femur, cartilage, glass, look } = hip()
    showSeeThrough(model, new Set(['jointCapsule'] as const))
    const before = [look(femur), look(cartilage), look(glass)].map(({ version: _, ...rest }) => rest)
    const during = withSeeThrough(model, ['femur', 'femoralHeadCartilage'], () => [look(femur), look(cartilage), look(glass)])
    expect(during[0]).toMatchObject({ transparent: true, opacity: 0.18, depthWrite: false })
    expect(during[1]).toMatchObject({ transparent: true, opacity: 0.18, depthWrite: false })
    expect([look(femur), look(cartilage), look(glass)].map(({ version: _, ...rest }) => rest)).toEqual(before)
  })

  it('restores the looks when the call throws', () => {
    const { model, femur, look } = hip()
    expect(() =>
      withSeeThrough(model, ['femur'], () => {
        throw new Error('compile failed')
      }),
    ).toThrow('compile failed')
    expect(look(femur)).toMatchObject({ transparent: false, opacity: 1, depthWrite: true })
  })

  it('readies the bone every treatment step draws see-through', () => {
    expect([...SEEN_THROUGH_BY_ANY_STEP].sort()).toEqual(['femoralHeadCartilage', 'femur', 'femurCancellous'])
  })
})
