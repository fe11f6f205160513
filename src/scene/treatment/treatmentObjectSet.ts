/**
 * The drawn instruments and pieces of a treatment frame, kept in step with the frame without
 * rebuilding: an object whose kind and size stay the same keeps its meshes and only moves
 * (transforms set in place); one that changes size swaps to the shared model of its new size;
 * one that is gone gives its model back (the last user disposes it, ./modelCache.ts).
 *
 * Usable directly (e.g. from a useFrame loop: `set.sync(instruments, pieces)`) or through the
 * <TreatmentObjects> component. `root` goes into the model frame: inside the group that mirrors
 * the model for a left hip, the objects mirror with it.
 */
import { Group, Mesh, type Material, type Object3D, type Plane } from 'three'
import type { InstrumentPose, Piece, TreatmentObjectRef, Vec3 } from '../../domain/treatment/frame.ts'
import { TREATMENT_OBJECTS_ROOT, treatmentObjectOf } from './objectTag.ts'
import type { ModelPart, ObjectModel, PartPose } from './objectModel.ts'
import { acquireModel, releaseModel } from './modelCache.ts'
import { instrumentRecipe, pieceLength, pieceRecipe, type ModelRecipe } from './builders.ts'
import { placeObject, spinToward } from './placeObject.ts'
import { cutPieceMaterial, treatmentMaterial, type TreatmentMaterialRole } from './treatmentMaterials.ts'
import { cutBySection, cutWithTheBone } from '../../domain/treatment/pieceSection.ts'
import { UNCUT_PLANE } from './pieceCutLook.ts'

/** What a drawn object is, for picking and tests: userData.treatmentObject of its group. */
export type TreatmentObjectTag = TreatmentObjectRef
export { treatmentObjectOf }

interface Entry {
  readonly key: string
  readonly model: ObjectModel
  readonly group: Group
  readonly meshes: readonly Mesh[]
  /** The pose or piece last drawn: an unchanged one is not placed again and asks for no frame. */
  last: InstrumentPose | Piece | null
  /** The plane its materials are clipped by (a piece cut with the bone), or null (a tool, an implant). */
  plane: Readonly<Plane> | null
}

const sameVec = (a: Vec3 | undefined, b: Vec3 | undefined) => a === b || (!!a && !!b && a[0] === b[0] && a[1] === b[1] && a[2] === b[2])

function samePose(a: InstrumentPose, b: InstrumentPose): boolean {
  return a === b || (sameVec(a.tip, b.tip) && sameVec(a.axis, b.axis) && sameVec(a.across, b.across) && a.length === b.length && a.spin === b.spin && a.open === b.open)
}

function samePiece(a: Piece, b: Piece): boolean {
  return (
    a === b ||
    (sameVec(a.from, b.from) &&
      sameVec(a.to, b.to) &&
      a.radius === b.radius &&
      a.fill === b.fill &&
      a.setAside === b.setAside &&
      sameVec(a.across, b.across) &&
      a.halfSizes?.[0] === b.halfSizes?.[0] &&
      a.halfSizes?.[1] === b.halfSizes?.[1] &&
      samePath(a.path, b.path))
  )
}

function samePath(a: readonly Vec3[] | undefined, b: readonly Vec3[] | undefined): boolean {
  if (a === b) return true
  if (!a || !b || a.length !== b.length) return false
  return a.every((p, i) => sameVec(p, b[i]))
}

const NO_HALF_SIZES: readonly [number, number] = [0, 0]

/** The part's look: a tool's or implant's (`plane` null), or a cut piece's clipped by `plane`. */
function materialOf(part: ModelPart, plane: Readonly<Plane> | null): Material | Material[] {
  const look = (role: TreatmentMaterialRole) => (plane ? cutPieceMaterial(role, plane) : treatmentMaterial(role))
  return typeof part.material === 'string' ? look(part.material) : part.material.map(look)
}

function meshOf(part: ModelPart, plane: Readonly<Plane> | null): Mesh {
  const mesh = new Mesh(part.geometry, materialOf(part, plane))
  // Chips share their model's geometry (another picture may draw the same graft at another
  // fill): each mesh sets the draw range of its own fill as it is drawn.
  if (part.chips) mesh.onBeforeRender = showChipsOf
  return mesh
}

function showChipsOf(this: Mesh): void {
  this.geometry.setDrawRange(0, this.userData.chipVertices as number)
}

/** Chips shown at `fill`: those whose far side lies within the filled length. */
function chipsShown(depths: Float32Array, filled: number): number {
  let low = 0
  let high = depths.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (depths[mid]! <= filled + 1e-6) low = mid + 1
    else high = mid
  }
  return low
}

export class TreatmentObjectSet {
  /** Holds every drawn object; put it in the model frame. */
  readonly root = new Group()
  /**
   * Holds the objects given in the femur's rest frame (`onFemur`: the tools and implants that
   * work on it), inside `root`: whoever owns the femur's pose moves this group with the femur.
   */
  readonly femurRoot = new Group()
  private readonly entries = new Map<string, Entry>()
  /** The hip's cutting plane (../section/sectionPlane.ts), which cuts the pieces that lie in the bone. */
  private sectionPlane: Readonly<Plane> = UNCUT_PLANE

  constructor() {
    this.root.name = TREATMENT_OBJECTS_ROOT
    this.femurRoot.name = 'onFemur'
    this.root.add(this.femurRoot)
  }

  /**
   * Brings the drawn objects in line with the frame's instruments and pieces. Returns whether
   * anything drawn changed (a frame is needed); equal poses in new arrays change nothing.
   */
  sync(instruments: readonly InstrumentPose[], pieces: readonly Piece[]): boolean {
    const seen = new Set<string>()
    let changed = false
    for (const pose of instruments) {
      const id = `instrument:${pose.id}`
      seen.add(id)
      const entry = this.entryFor(id, instrumentRecipe(pose), { id: pose.id, kind: pose.kind, role: 'instrument' }, null)
      if (this.parentOn(entry, pose.onFemur === true)) changed = true
      const last = entry.last as InstrumentPose | null
      if (last && samePose(last, pose)) continue
      entry.last = pose
      changed = true
      placeObject(entry.group, pose.tip, pose.axis, (pose.across ? spinToward(pose.axis, pose.across) : 0) + pose.spin)
      this.placeParts(entry, { length: pose.length, open: pose.open, fill: 1, radius: pose.diameter / 2, halfSizes: NO_HALF_SIZES })
    }
    for (const piece of pieces) {
      // Bone taken out of the model (the resected head) is the model's own geometry: ./removedBone.ts.
      if (piece.boneOut) continue
      const id = `piece:${piece.id}`
      seen.add(id)
      const plane = this.planeFor(piece)
      const entry = this.entryFor(id, pieceRecipe(piece), { id: piece.id, kind: piece.kind, role: 'piece' }, plane)
      if (this.parentOn(entry, piece.onFemur === true)) changed = true
      if (this.clipBy(entry, plane)) changed = true
      const last = entry.last as Piece | null
      if (last && samePiece(last, piece)) continue
      entry.last = piece
      changed = true
      const axis = [piece.to[0] - piece.from[0], piece.to[1] - piece.from[1], piece.to[2] - piece.from[2]] as const
      placeObject(entry.group, piece.to, axis, piece.across ? spinToward(axis, piece.across) : 0)
      this.placeParts(entry, { length: pieceLength(piece), open: 0, fill: piece.fill, radius: piece.radius, halfSizes: piece.halfSizes ?? NO_HALF_SIZES })
    }
    for (const id of [...this.entries.keys()]) {
      if (seen.has(id)) continue
      this.remove(id)
      changed = true
    }
    return changed
  }

  /**
   * Gives the set the hip's cutting plane (the model's: it changes when the model is loaded
   * again). Returns whether a drawn piece changed.
   */
  setSectionPlane(plane: Plane): boolean {
    if (plane === this.sectionPlane) return false
    this.sectionPlane = plane
    let changed = false
    // Only pieces have a plane (tools and implants have none).
    for (const entry of this.entries.values()) {
      if (entry.plane && entry.last && this.clipBy(entry, this.planeFor(entry.last as Piece))) changed = true
    }
    return changed
  }

  /** The plane a piece's materials are clipped by: null for an implant (never cut). */
  private planeFor(piece: Piece): Readonly<Plane> | null {
    if (!cutWithTheBone(piece.kind)) return null
    return cutBySection(piece) ? this.sectionPlane : UNCUT_PLANE
  }

  /** Gives the entry's meshes the looks clipped by `plane`; whether they changed. */
  private clipBy(entry: Entry, plane: Readonly<Plane> | null): boolean {
    if (entry.plane === plane) return false
    entry.plane = plane
    entry.model.parts.forEach((part, i) => {
      entry.meshes[i]!.material = materialOf(part, plane)
    })
    return true
  }

  /** Puts the object in the femur's group or the model frame's; whether it moved between them. */
  private parentOn(entry: Entry, onFemur: boolean): boolean {
    const parent = onFemur ? this.femurRoot : this.root
    if (entry.group.parent === parent) return false
    parent.add(entry.group)
    return true
  }

  /** Removes every object and gives back every model. The set can be synced again afterwards. */
  dispose(): void {
    for (const id of [...this.entries.keys()]) this.remove(id)
  }

  /** The drawn object of an instrument or piece id (tests, picking). */
  objectOf(role: 'instrument' | 'piece', id: string): Object3D | undefined {
    return this.entries.get(`${role}:${id}`)?.group
  }

  private entryFor(id: string, recipe: ModelRecipe, tag: TreatmentObjectTag, plane: Readonly<Plane> | null): Entry {
    const current = this.entries.get(id)
    if (current && current.key === recipe.key) return current
    if (current) this.remove(id)
    const model = acquireModel(recipe.key, recipe.build)
    const group = new Group()
    group.name = tag.kind
    group.userData.treatmentObject = tag
    const meshes = model.parts.map((part) => {
      const mesh = meshOf(part, plane)
      mesh.name = part.name
      group.add(mesh)
      return mesh
    })
    const entry: Entry = { key: recipe.key, model, group, meshes, last: null, plane }
    this.entries.set(id, entry)
    this.root.add(group)
    return entry
  }

  private placeParts(entry: Entry, pose: PartPose): void {
    entry.model.parts.forEach((part, i) => {
      const mesh = entry.meshes[i]!
      part.place?.(mesh, pose)
      if (part.chips) {
        const shown = chipsShown(part.chips.depths, Math.min(Math.max(pose.fill, 0), 1) * pose.length)
        mesh.userData.chipVertices = shown * part.chips.verticesPerChip
        showChipsOf.call(mesh)
        mesh.visible = shown > 0
      }
    })
  }

  private remove(id: string): void {
    const entry = this.entries.get(id)
    if (!entry) return
    this.entries.delete(id)
    entry.group.removeFromParent()
    releaseModel(entry.key)
  }
}
