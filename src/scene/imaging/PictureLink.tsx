/**
 * Links the Images panel's pictures to the 3D view (issue 13), mounted with the panel open:
 * - a point clicked on a picture (the imaging store's `pointed`) is found in the hip
 *   (./picturePick.ts), the structure there selected as a click in the view selects it (the
 *   selection's outline and name tag, pointing there), and marked by a ring drawn over the model,
 *   with the stretch of a radiograph's beam inside that structure (a point of a film is a line
 *   through the hip);
 * - the MRI's slice plane is outlined faintly where the picture cuts the hip.
 * The point is forgotten when what the pictures show changes, or when another structure is
 * selected (Escape clears the selection). Nothing here runs per frame; what it draws is built
 * when the point or the slice changes and freed when it goes.
 */
import { useEffect, useMemo } from 'react'
import { useThree } from '@react-three/fiber'
import { BufferGeometry, CanvasTexture, Line, LineBasicMaterial, LineLoop, Mesh, MeshBasicMaterial, PlaneGeometry, Vector3, type Object3D } from 'three'
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import { MRI_FRAME, mriSliceZ } from '../../domain/imaging/imageFrames.ts'
import { useImagingStore } from '../../state/imagingStore.ts'
import { usePickStore } from '../../state/pickStore.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useModelStore } from '../model/modelStore.ts'
import { onFemur } from '../model/femurShift.ts'
import { femurToRest } from '../model/femurPose.ts'
import { pickInPicture } from './picturePick.ts'

/** The marker's colour, the same as the pictures' crosshair (ui/imaging/ImageFigure.tsx): a cyan no structure is drawn in. */
export const POINT_COLOUR = '#00e5ff'
/** Width of the ring over the model, mm. */
const RING_MM = 9
/** Drawn over everything else in the view. */
const ON_TOP = 1000

/** The ring's picture: cyan with a dark edge, readable on bone and on the light background. */
function ringTexture(): CanvasTexture {
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = 64
  const g = canvas.getContext('2d')
  if (g) {
    g.lineWidth = 12
    g.strokeStyle = 'rgba(0, 0, 0, 0.75)'
    g.beginPath()
    g.arc(32, 32, 24, 0, 2 * Math.PI)
    g.stroke()
    g.lineWidth = 6
    g.strokeStyle = POINT_COLOUR
    g.stroke()
    g.fillStyle = POINT_COLOUR
    g.beginPath()
    g.arc(32, 32, 4, 0, 2 * Math.PI)
    g.fill()
  }
  return new CanvasTexture(canvas)
}

/** Keys of the view that change what the pictures show (their point then means something else). */
const pictured = (s: ReturnType<typeof useViewStore.getState>) => JSON.stringify([s.stage, s.lesionSize, s.lesionType, s.side, s.section, s.procedure, s.variant, s.step])

export default function PictureLink() {
  const model = useModelStore((s) => s.model)
  const scene = useThree((s) => s.scene)
  const invalidate = useThree((s) => s.invalidate)
  const pointed = useImagingStore((s) => s.pointed)
  const found = useImagingStore((s) => s.found)
  const side = useViewStore((s) => s.side)
  const section = useViewStore((s) => s.section)
  const landmarks = useMemo(() => {
    const parsed = model ? parseLandmarks(model.extras.landmarks) : null
    return parsed?.ok ? parsed.value : null
  }, [model])

  // A clicked point of a picture: find it in the hip and select what is there.
  useEffect(() => {
    if (!model || !landmarks || !pointed) return
    const view = useViewStore.getState()
    const pick = pickInPicture(model, landmarks, pointed, view)
    useImagingStore.getState().setFound(pick?.found ?? null)
    const structure = pick?.found.structure ?? null
    if (!pick || !structure) return
    const picks = usePickStore.getState()
    picks.setPickedObject(null)
    picks.setPickedRegion(pick.region)
    // The name tag points at the point (model frame, the femur's at rest), as for a click in the view.
    const point = new Vector3(...pick.found.point)
    if (onFemur(structure)) femurToRest(point)
    picks.setPickedPoint({ structure, point: [point.x, point.y, point.z] })
    if (view.selected !== structure) view.select(structure)
  }, [model, landmarks, pointed])

  // What the pictures show changes, or another structure is selected: the point is forgotten.
  useEffect(() => {
    let shown = pictured(useViewStore.getState())
    const stop = useViewStore.subscribe((s, p) => {
      const now = pictured(s)
      const { found: f, pointed: at } = useImagingStore.getState()
      if (!at) {
        shown = now
        return
      }
      const otherSelection = s.selected !== p.selected && (!f || s.selected !== f.structure)
      if (now !== shown || otherSelection) useImagingStore.getState().pointAt(null)
      shown = now
    })
    return () => {
      stop()
      useImagingStore.getState().pointAt(null)
    }
  }, [])

  const texture = useMemo(() => ringTexture(), [])
  useEffect(() => () => texture.dispose(), [texture])

  // The marker, in world space (the model's frame is mirrored for a left hip).
  const marker = useMemo(() => {
    if (!model || !found) return null
    model.scene.updateWorldMatrix(true, false)
    const world = (p: readonly [number, number, number]) => model.scene.localToWorld(new Vector3(p[0], p[1], p[2]))
    const ring = new Mesh(new PlaneGeometry(RING_MM, RING_MM), new MeshBasicMaterial({ map: texture, depthTest: false, depthWrite: false, transparent: true, toneMapped: false }))
    ring.position.copy(world(found.point))
    ring.renderOrder = ON_TOP
    // Faces the camera in every frame the view draws (set before three computes its model-view matrix).
    ring.onBeforeRender = (_renderer, _scene, camera) => {
      ring.quaternion.copy(camera.quaternion)
      ring.updateMatrixWorld()
    }
    ring.name = 'picture-point'
    const parts: Object3D[] = [ring]
    if (found.from.some((v, i) => v !== found.to[i])) {
      const beam = new Line(new BufferGeometry().setFromPoints([world(found.from), world(found.to)]), new LineBasicMaterial({ color: POINT_COLOUR, depthTest: false, depthWrite: false, transparent: true }))
      beam.renderOrder = ON_TOP
      parts.push(beam)
    }
    return parts
    // The side moves the model's mirror: the marker is placed again.
  }, [model, found, texture, side]) // eslint-disable-line react-hooks/exhaustive-deps

  // The MRI's slice: the square the picture shows, on its plane.
  const slice = useMemo(() => {
    if (!model || !landmarks) return null
    model.scene.updateWorldMatrix(true, false)
    const c = landmarks.femoralHead.centre
    const z = mriSliceZ(section, c[2])
    const half = MRI_FRAME.sizeMm / 2
    const [x, y] = [c[0] + MRI_FRAME.offset[0], c[1] + MRI_FRAME.offset[1]]
    const corners = [
      [x - half, y - half],
      [x + half, y - half],
      [x + half, y + half],
      [x - half, y + half],
    ].map(([a, b]) => model.scene.localToWorld(new Vector3(a, b, z)))
    const outline = new LineLoop(new BufferGeometry().setFromPoints(corners), new LineBasicMaterial({ color: '#1d3b53', transparent: true, opacity: 0.45, depthTest: false, depthWrite: false }))
    outline.renderOrder = ON_TOP - 1
    outline.name = 'mri-slice-outline'
    return outline
  }, [model, landmarks, section, side]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const parts = [...(marker ?? []), ...(slice ? [slice] : [])]
    for (const p of parts) scene.add(p)
    invalidate()
    return () => {
      for (const p of parts) {
        scene.remove(p)
        if (p instanceof Line || p instanceof Mesh) {
          p.geometry.dispose()
          ;(p.material as LineBasicMaterial | MeshBasicMaterial).dispose()
        }
      }
      invalidate()
    }
  }, [scene, marker, slice, invalidate])

  return null
}
