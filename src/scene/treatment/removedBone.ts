/**
 * Bone an operation takes out of the femur and lays aside, drawn from the model's own bone (the
 * resected head of a hip replacement, cut open: domain/treatment/replacement/removedHead.ts). A
 * frame's piece with `boneOut` says which bone (a saw cut's removal, femur rest frame) and where
 * it lies (a FemurPose). The geometry worker cuts that piece out of the femur's cortex,
 * cancellous core and head cartilage (geometry/boneCutJob.ts `piece`); it is drawn with:
 *
 * - the structures' own materials on the bone's own surface, so the disease the disease layer
 *   draws in the femur's rest frame (cartilage worn, head collapsed) is drawn on it the same way:
 *   its meshes keep the femur meshes' rest-frame placement, moved by the piece's pose;
 * - the section's cut look on the faces the planes cut, with the disease's slice painted on them
 *   by the disease layer (../disease/capPainter.ts → ../disease/sectionCaps.ts), told this piece's
 *   own model → rest matrix: the dead bone, its double-line rim, the crescent and the collapse of
 *   the stage shown, in the coronal cut.
 *
 * One object per treatment layer; `show` runs every frame a step plays (allocation-free while
 * nothing changes). Until the worker's piece arrives `hipExplorer.idle()` waits for it.
 */
import { Group, Matrix4, Mesh, MeshStandardMaterial, type BufferGeometry, type Material } from 'three'
import type { FemurPose, Piece } from '../../domain/treatment/frame.ts'
import { removalsKey } from '../../geometry/removalKey.ts'
import { PIECE_SOLIDS, type PieceResult, type PieceSolid } from '../../geometry/cutResult.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { capPainter } from '../disease/capPainter.ts'
import { femurMigration, femurRestMatrix, poseMatrix } from '../model/femurPose.ts'
import { geometriesOf, partMeshes } from '../model/modelGeometry.ts'
import { useModelStore, type LoadedHip } from '../model/modelStore.ts'
import { invalidateView } from '../renderHandle.ts'
import { CAP_STYLES, drawTrabeculae } from '../section/sectionCaps.ts'
import { toAncestorMatrix } from '../three/toAncestorMatrix.ts'

type Cutting = typeof import('../model/boneCutting.ts')
let cutting: Promise<Cutting> | null = null
const loadCutting = () => (cutting ??= import('../model/boneCutting.ts'))

/** One cut-out piece's drawn meshes (the worker's result, made ready once). */
interface Built {
  readonly meshes: readonly Mesh[]
  readonly geometries: readonly BufferGeometry[]
  readonly caps: readonly { readonly material: MeshStandardMaterial; readonly id: PieceSolid }[]
  painted: boolean
}

function samePose(a: FemurPose | null, b: FemurPose): boolean {
  if (!a) return false
  const same = (u: readonly number[], v: readonly number[]) => u[0] === v[0] && u[1] === v[1] && u[2] === v[2]
  return a.angleDeg === b.angleDeg && a.migration === b.migration && same(a.pivot, b.pivot) && same(a.axis, b.axis) && same(a.shift, b.shift)
}

/** The cut look of a removed piece's face through `id` (unpainted: the disease layer paints it). */
export function removedBoneCapMaterial(id: PieceSolid): MeshStandardMaterial {
  const style = CAP_STYLES.find((s) => s.id === id)!
  const material = new MeshStandardMaterial({ color: style.color, roughness: style.roughness, metalness: 0 })
  if (id === 'femurCancellous') drawTrabeculae(material)
  return material
}

export class RemovedBone {
  /** Put it in the treatment objects' model frame; it carries the piece's tag (picking names it). */
  readonly group = new Group()
  /** Model frame → the piece's rest frame: what its cut faces' disease slice is computed in. */
  private readonly femurRest = { value: new Matrix4() }
  private readonly placed = new Group()
  private model: LoadedHip | null = null
  private readonly built = new Map<string, Built>()
  private readonly asked = new Map<string, Promise<void>>()
  private readonly work = new Map<string, () => void>()
  private shownKey = ''
  private wantedKey = ''
  private pose: FemurPose | null = null

  constructor() {
    this.group.name = 'removed-bone'
    this.group.visible = false
    this.placed.matrixAutoUpdate = false
    this.group.add(this.placed)
  }

  /** Draws `piece` (a piece with `boneOut`), or nothing. Returns whether the picture changed. */
  show(piece: Piece | null): boolean {
    const out = piece?.boneOut
    if (!piece || !out) {
      this.wantedKey = ''
      if (!this.group.visible) return false
      this.group.visible = false
      return true
    }
    let changed = false
    const tag = this.group.userData.treatmentObject as { id: string } | undefined
    if (tag?.id !== piece.id) this.group.userData.treatmentObject = { id: piece.id, kind: piece.kind, role: 'piece' }
    if (!samePose(this.pose, out.pose)) {
      this.pose = out.pose
      poseMatrix(out.pose, femurMigration(), this.placed.matrix)
      this.femurRest.value.copy(this.placed.matrix).invert()
      this.placed.matrixWorldNeedsUpdate = true
      changed = true
    }
    const key = removalsKey([out.removal])
    this.wantedKey = key
    if (this.built.has(key)) {
      if (this.shownKey !== key) {
        this.swapTo(key)
        changed = true
      }
    } else this.ask(piece)
    if (this.paintIfReady()) changed = true
    const visible = this.shownKey !== ''
    if (this.group.visible !== visible) {
      this.group.visible = visible
      changed = true
    }
    return changed
  }

  /**
   * Paints the disease on the shown piece's cut faces if that waits for the disease layer (it
   * comes with the first stage above healthy). Cheap: call every frame. Whether it painted.
   */
  paintIfReady(): boolean {
    const built = this.built.get(this.shownKey)
    return !!built && !built.painted && this.paint(built)
  }

  /** Computes a piece ahead (the frames a step will show), so showing it later costs no waiting. */
  prefetch(piece: Piece): void {
    if (piece.boneOut && !this.built.has(removalsKey([piece.boneOut.removal]))) this.ask(piece)
  }

  dispose(): void {
    for (const end of this.work.values()) end()
    this.work.clear()
    this.clear()
    this.group.removeFromParent()
  }

  private clear(): void {
    for (const b of this.built.values()) {
      for (const g of b.geometries) g.dispose()
      for (const c of b.caps) c.material.dispose()
    }
    this.built.clear()
    this.asked.clear()
    this.placed.clear()
    this.shownKey = ''
  }

  private ask(piece: Piece): void {
    const model = useModelStore.getState().model
    const out = piece.boneOut
    if (!model || !out) return
    if (model !== this.model) {
      this.clear()
      this.model = model
    }
    const key = removalsKey([out.removal])
    if (this.asked.has(key)) return
    this.work.set(key, beginWork('removed bone'))
    const done = () => {
      this.work.get(key)?.()
      this.work.delete(key)
    }
    const asked = loadCutting()
      .then(({ pieceFor }) => pieceFor(model, out.removal))
      .then((result) => {
        if (this.model !== model || !this.asked.has(key)) return
        this.built.set(key, this.build(model, result))
        if (this.wantedKey === key) {
          this.swapTo(key)
          this.group.visible = true
          invalidateView()
        }
      })
      .catch((error: unknown) => {
        // The rest of the step still shows; the piece is missing from it.
        console.error(`The removed bone could not be drawn (${error instanceof Error ? error.message : String(error)}).`)
      })
      .finally(done)
    this.asked.set(key, asked)
  }

  private swapTo(key: string): void {
    const built = this.built.get(key)
    if (!built) return
    this.placed.clear()
    this.placed.add(...built.meshes)
    this.shownKey = key
  }

  /** The worker's piece as meshes: each solid's own surface with the structure's material, its cut faces as cut bone. */
  private build(model: LoadedHip, result: PieceResult): Built {
    const meshes: Mesh[] = []
    const geometries: BufferGeometry[] = []
    const caps: Built['caps'][number][] = []
    // A structure's mesh frame → the femur's rest frame (where the worker's piece is given).
    const restFrom = (mesh: Mesh) => new Matrix4().copy(femurRestMatrix()).multiply(toAncestorMatrix(mesh, model.scene))
    for (const id of PIECE_SOLIDS) {
      const solid = result.solids[id]
      // The structure's mesh near the joint (the head's), whose frame and material the piece takes.
      const own = partMeshes(model, id)[0]
      if (!solid || !own) continue
      const [surface, cut] = geometriesOf(solid) as [BufferGeometry, BufferGeometry]
      const toRest = restFrom(own)
      const capMaterial = removedBoneCapMaterial(id)
      caps.push({ material: capMaterial, id })
      for (const [geometry, material] of [[surface, own.material], [cut, capMaterial]] as const) {
        geometries.push(geometry)
        const mesh = new Mesh(geometry, material as Material | Material[])
        mesh.name = `removed-${id}`
        mesh.matrixAutoUpdate = false
        mesh.matrix.copy(toRest)
        meshes.push(mesh)
      }
    }
    const built: Built = { meshes, geometries, caps, painted: false }
    this.paint(built)
    return built
  }

  /** Paints the disease's slice on the cut faces once the disease layer is there. Whether it did. */
  private paint(built: Built): boolean {
    const painter = capPainter()
    if (!painter) return false
    for (const { material, id } of built.caps) painter(material, id, this.femurRest)
    built.painted = true
    return true
  }
}
