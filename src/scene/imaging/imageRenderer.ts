/**
 * Renders the simulated AP radiograph and coronal MRI of the loaded hip with the app's own
 * renderer (issue 13), off screen, into float targets, then into 8-bit pixels for the Images
 * panel. Nothing here runs per frame: the caller renders when what the images show changes.
 *
 * The structures are drawn by proxies that share the model's geometry (no copy) in the model
 * frame of a right hip; the femur's nodes sit where the disease moves them at the chosen stage
 * (domain/staging/migration.ts, as the 3D view). Every material, target and the quad are owned
 * here and freed by `dispose`.
 */
import {
  Color,
  CustomBlending,
  DoubleSide,
  FloatType,
  HalfFloatType,
  Matrix4,
  Mesh,
  NearestFilter,
  OneFactor,
  OrthographicCamera,
  PlaneGeometry,
  RGBAFormat,
  Scene,
  ShaderMaterial,
  UnsignedByteType,
  Vector2,
  Vector4,
  WebGLRenderTarget,
  type Object3D,
  type WebGLRenderer,
} from 'three'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { TISSUE_OF } from '../../domain/anatomy/tissues.ts'
import type { ImageFrame } from '../../domain/imaging/imageFrames.ts'
import { excessAttenuation, hipBoneShellExcess, HIP_BONE_CORTEX, xraySignDensities } from '../../domain/imaging/xrayAttenuation.ts'
import { XRAY_TISSUE } from '../../domain/imaging/xrayPick.ts'
import { mriSigns, type MriWeighting } from '../../domain/imaging/mriSignal.ts'
import type { Rotation3 } from '../../domain/imaging/frogLeg.ts'
import { INSTRUMENT_TISSUE, pieceTissue, type PieceTissue } from '../../domain/imaging/treatmentTissues.ts'
import type { FemurPose, InstrumentPose, Piece, TreatmentObjectRef } from '../../domain/treatment/frame.ts'
import { poseMatrix } from '../model/femurPose.ts'
import type { RegionId } from '../../domain/anatomy/regions.ts'
import { TreatmentObjectSet } from '../treatment/treatmentObjectSet.ts'
import type { LoadedHip } from '../model/modelStore.ts'
import { isHelper } from '../model/solidMeshes.ts'
import { onFemur } from '../model/femurShift.ts'
import { femurRestMatrix } from '../model/femurPose.ts'
import { toAncestorMatrix } from '../three/toAncestorMatrix.ts'
import { DISEASE_DEFINES, DISEASE_KIND } from '../disease/patchMaterials.ts'
import { readWhenQuiet, warmProgramsUntilReady } from '../three/programWarmUp.ts'
import type { DiseaseUniforms } from '../disease/uniforms.ts'
import { ADD_FRAGMENT, FILM_FRAGMENT, QUAD_VERTEX, STRUCTURE_FRAGMENT, XRAY_SIGNS_FRAGMENT, mriFragment, structureVertex } from './imagingShaders.ts'
import { uniformsKey } from './uniformsKey.ts'

/** Occupancy channels of the MRI passes: [target, channel]. */
const MRI_CHANNEL: Partial<Record<StructureId, [0 | 1, 0 | 1 | 2 | 3]>> = {
  femur: [0, 0],
  femurCancellous: [0, 1],
  femoralHeadCartilage: [0, 2],
  acetabularCartilage: [0, 2],
  hipBone: [0, 3],
  labrum: [1, 0],
  transverseAcetabularLigament: [1, 0],
  ligamentumTeres: [1, 0],
  jointCapsule: [1, 0],
}

/** Largest occupancy target, px per side (two RGBA float targets of 1024² hold 32 MB). */
const MAX_OCCUPANCY_PX = 1024

/**
 * Signs passes kept (see ImageRenderer.signs): the Images panel's AP and frog-leg films and the
 * live X-ray's two views.
 */
const SIGNS_KEPT = 4

/** Camera distance in front of the frame's plane, mm (the model reaches about 130 mm forward at most). */
const EYE_MM = 400

interface Proxy {
  readonly id: StructureId
  /** The model's mesh, whose geometry a treatment may replace (a drilled or cut bone). */
  readonly source: Mesh
  readonly mesh: Mesh
  readonly material: ShaderMaterial
  /** Mesh → model frame with the femur at rest. */
  readonly rest: Matrix4
}

export interface ImagePixels {
  readonly width: number
  readonly height: number
  /** RGBA, rows from the top, as ImageData wants them. */
  readonly data: Uint8ClampedArray
}

export interface ImageRequest {
  readonly frame: ImageFrame
  readonly size: number
  readonly mirror: boolean
}

/**
 * What a treatment's step has changed that a picture shows besides the bone taken away (which
 * is the model's own geometry): its pieces, where the femur is, and whether the head (with its
 * disease) or the socket's roof has been cut away.
 */
export interface TreatmentScene {
  readonly pieces: readonly Piece[]
  /** The instruments in the hip (the fluoroscopy's moment; none on the other pictures). */
  readonly instruments: readonly InstrumentPose[]
  readonly femur: FemurPose | null
  readonly headRemoved: boolean
  readonly socketReamed: boolean
}

/** A piece's mesh drawn into the pictures with its tissue. */
interface PieceProxy {
  readonly mesh: Mesh
  readonly material: ShaderMaterial
  readonly tissue: PieceTissue
  /** Mesh → model frame (or the femur's rest frame, for a piece that moves with the femur). */
  readonly local: Matrix4
  readonly onFemur: boolean
  /** An instrument: in the femur at the fluoroscopy's moment, so it turns with a frog-leg's femur. */
  readonly instrument: boolean
}

/** The hip bone's regions drawn without a cortical shell on the films (see its use): four, a vec4 in the shader. */
const NO_SHELL: readonly [RegionId, RegionId, RegionId, RegionId] = ['lunateSurface', 'acetabularRim', 'psoasNotch', 'acetabularNotch']

/** A region's index in a bone mesh's region table (its `_region` values), or -1. */
function regionIndex(mesh: Mesh, id: RegionId): number {
  const table = mesh.userData.regions as unknown
  return Array.isArray(table) ? table.indexOf(id) : -1
}

/** The full-frame passes: fragment shader and whether it adds to what its target holds. */
const PASSES = {
  'xray-signs': { fragment: XRAY_SIGNS_FRAGMENT, additive: true },
  add: { fragment: ADD_FRAGMENT, additive: true },
  film: { fragment: FILM_FRAGMENT, additive: false },
  'mri-T1': { fragment: mriFragment('T1'), additive: false },
  'mri-T2': { fragment: mriFragment('T2'), additive: false },
} as const satisfies Record<string, { fragment: string; additive: boolean }>
type PassName = keyof typeof PASSES

/**
 * When a picture's pixels are read back: `now` in the same task (a saved image, made with the
 * view it saves), or `later`, once the GPU has drawn them, without stopping the page meanwhile
 * (with software WebGL a read waits for every frame queued before it: ~1 s measured).
 */
export type ReadMode = 'now' | 'later'
export type PixelsRead<R extends ReadMode> = R extends 'now' ? ImagePixels : Promise<ImagePixels>

/** MRI occupancy channel (target 1) of a piece's tissue. */
const PIECE_MRI_CHANNEL = { void: 1, cortex: 2 } as const

export class ImageRenderer {
  private readonly scene = new Scene()
  private readonly camera = new OrthographicCamera()
  private readonly quad = new Mesh(new PlaneGeometry(2, 2))
  private readonly quadScene = new Scene()
  /** The 3D view's scene (given to `warm`), between whose frames pixels are read back. */
  private view: Scene | null = null
  private readonly proxies: Proxy[] = []
  private readonly materials: ShaderMaterial[] = []
  private readonly targets = new Map<string, WebGLRenderTarget>()
  /**
   * The X-ray signs pass's results by what it read (uniformsKey, and the size), the most recently
   * used last: the pass is most of a film's cost (about 1.5 s of software rendering for a live
   * X-ray), and a treatment's steps show the same disease from the same place, with only tools
   * and bone changing, which the structures' pass draws. Lost with the context's contents.
   */
  private readonly signs = new Map<string, WebGLRenderTarget>()
  private readonly forgetSigns = () => {
    for (const t of this.signs.values()) t.dispose()
    this.signs.clear()
  }
  private readonly floatType: typeof FloatType | typeof HalfFloatType
  /** The treatment's pieces, built by the treatment layer's own builders (shared models). */
  private readonly treatment = new TreatmentObjectSet()
  private pieceProxies: PieceProxy[] = []
  private scene3: TreatmentScene | null = null

  constructor(
    private readonly gl: WebGLRenderer,
    model: LoadedHip,
    private readonly uniforms: DiseaseUniforms,
  ) {
    // Float blending needs EXT_float_blend; half floats blend everywhere WebGL 2 renders to them.
    this.floatType = gl.extensions.has('EXT_float_blend') ? FloatType : HalfFloatType
    gl.domElement.addEventListener('webglcontextlost', this.forgetSigns)
    this.quad.frustumCulled = false
    this.quadScene.add(this.quad)
    for (const [id, node] of Object.entries(model.nodes) as [StructureId, Object3D][]) {
      if (TISSUE_OF[id] === 'artery') continue
      const kind = DISEASE_KIND[id]
      const defines = kind ? DISEASE_DEFINES[kind] : []
      node.traverse((o) => {
        const source = o as Mesh
        if (!source.isMesh || isHelper(source)) return
        // The 3D view may have moved the femur's nodes (the stage's migration, an operation's pose: femurPose): take that back.
        const rest = toAncestorMatrix(source, model.scene)
        if (onFemur(id)) rest.premultiply(femurRestMatrix())
        const material = this.proxyMaterial(defines, rest)
        // No shell on the socket (its articular surface, rim, notches). Seen edge-on over the
        // dome, the articular surface's line drew the roof's edge into the joint space (the film's
        // joint space at rest read 2.4 mm, 3.9 without; the model's is 4.2). The rim's thin walls
        // drew lines across the head that ended inside it, which a surgeon's review read as a
        // fracture through the stage II sclerosis and as a second crescent.
        const [a, b, c, d] = NO_SHELL
        ;(material.uniforms.uNoShellRegions!.value as Vector4).set(regionIndex(source, a), regionIndex(source, b), regionIndex(source, c), regionIndex(source, d))
        const mesh = new Mesh(source.geometry, material)
        mesh.matrixAutoUpdate = false
        mesh.frustumCulled = false
        this.scene.add(mesh)
        this.proxies.push({ id, source, mesh, material, rest })
        this.materials.push(material)
      })
    }
  }

  /**
   * A radiograph of the hip at the uniforms' stage, the beam front to back: the AP film, or with
   * the femur turned about the head's centre by `femurTurn` (the frog-leg lateral,
   * domain/imaging/frogLeg.ts) — in these proxies only, never in the 3D view.
   */
  renderXray<R extends ReadMode>(request: ImageRequest, stage: number, femurTurn: Rotation3 | null, read: R): PixelsRead<R> {
    const { size } = request
    const atten = this.target('atten', size, this.floatType)
    const placement = this.placeFemur(femurTurn)
    this.aim(request.frame, 0)
    for (const p of this.proxies) {
      const tissue = XRAY_TISSUE[p.id]
      p.mesh.visible = tissue !== undefined
      if (tissue) {
        p.material.uniforms.uChannel!.value.set(excessAttenuation(tissue), 0, 0, 0)
        p.material.uniforms.uOccupancy!.value = 0
        p.material.uniforms.uClipDepth!.value = 0
        // The hip bone is drawn as one solid: its cortex is added as a shell (xrayAttenuation.ts).
        p.material.uniforms.uShell!.value = tissue === 'hipBone' ? hipBoneShellExcess() : 0
        p.material.uniforms.uPixelMm!.value = request.frame.sizeMm / size
      }
    }
    for (const p of this.pieceProxies) {
      p.mesh.visible = true
      p.material.uniforms.uChannel!.value.set(excessAttenuation(p.tissue.xray), 0, 0, 0)
      p.material.uniforms.uOccupancy!.value = 0
      p.material.uniforms.uClipDepth!.value = 0
    }
    const toRest = placement.clone().invert()
    const headDrawn = this.uniforms.uHeadCentre.value.clone().applyMatrix4(placement)
    return this.offscreen(() => {
      this.draw(this.scene, atten)
      const signs = xraySignDensities(stage)
      const pass = this.pass('xray-signs', {
        uRimDensity: signs.scleroticRim,
        uPatchyDensity: signs.patchySclerosis,
        uCrescentDensity: signs.crescent,
        uAcetDensity: this.scene3?.socketReamed ? 0 : signs.acetabularSclerosis,
        uAcetCystDensity: this.scene3?.socketReamed ? 0 : signs.acetabularCyst,
        // Drawn → rest: the signs are evaluated in the femur's rest frame.
        uFemurToRest: toRest,
        uHeadDrawn: headDrawn,
        uHeadSigns: this.scene3?.headRemoved ? 0 : 1,
      })
      this.setFrame(pass, request.frame)
      this.drawQuad(this.pass('add', { uSource: this.signsOf(pass, size).texture }), atten)
      const film = this.pass('film', { uAtten: atten.texture, uTexel: new Vector2(1 / size, 1 / size) })
      return this.toPixels(film, request, read)
    })
  }

  /** The coronal MRI slice at `sliceZ` (model frame, mm) at the uniforms' stage. */
  renderMri<R extends ReadMode>(request: ImageRequest, stage: number, weighting: MriWeighting, sliceZ: number, read: R): PixelsRead<R> {
    const { size } = request
    // Up to twice the picture's resolution: the slice's edges are averaged (see mriFragment).
    const occSize = Math.min(2 * size, MAX_OCCUPANCY_PX)
    const occ = [this.target('occ0', occSize, this.floatType), this.target('occ1', occSize, this.floatType)] as const
    this.placeFemur(null)
    this.aim(request.frame, sliceZ)
    return this.offscreen(() => {
      for (const index of [0, 1] as const) {
        for (const p of this.proxies) {
          const channel = MRI_CHANNEL[p.id]
          p.mesh.visible = channel !== undefined && channel[0] === index
          if (!channel) continue
          const v = p.material.uniforms.uChannel!.value as Vector4
          v.set(0, 0, 0, 0).setComponent(channel[1], 1)
          p.material.uniforms.uOccupancy!.value = 1
          // Only what lies behind the slice (seen from the front) counts its surfaces.
          p.material.uniforms.uClipDepth!.value = EYE_MM
          p.material.uniforms.uShell!.value = 0
        }
        for (const p of this.pieceProxies) {
          const channel = p.tissue.mri ? PIECE_MRI_CHANNEL[p.tissue.mri] : undefined
          p.mesh.visible = index === 1 && channel !== undefined
          if (channel === undefined) continue
          ;(p.material.uniforms.uChannel!.value as Vector4).set(0, 0, 0, 0).setComponent(channel, 1)
          p.material.uniforms.uOccupancy!.value = 1
          p.material.uniforms.uClipDepth!.value = EYE_MM
        }
        this.draw(this.scene, occ[index])
      }
      const signs = mriSigns(stage)
      const pass = this.pass(`mri-${weighting}`, {
        uOcc: occ[0].texture,
        uSoft: occ[1].texture,
        uTexel: new Vector2(1 / occSize, 1 / occSize),
        uCortexUv: HIP_BONE_CORTEX.thicknessMm.value / request.frame.sizeMm,
        uSliceZ: sliceZ,
        uDemarcation2: signs.demarcation,
        uInterfaceLine: signs.interfaceLine,
        uScleroticLine: signs.scleroticLine,
        uOedema2: signs.oedema,
        uFracture: signs.fracture,
        uEffusion: signs.effusion,
        uAcetSigns: this.scene3?.socketReamed ? 0 : signs.acetabular,
        uNativeHead: this.scene3?.headRemoved ? 0 : 1,
      })
      this.setFrame(pass, request.frame)
      return this.toPixels(pass, request, read)
    })
  }

  /**
   * An accumulating material for a solid: the disease's vertex code of its kind (`defines`, none
   * for a treatment's piece) with `toModel` taking its mesh to the frame the disease is in.
   */
  private proxyMaterial(defines: readonly string[], toModel: Matrix4): ShaderMaterial {
    const own = { uToModel: { value: toModel }, uFromModel: { value: toModel.clone().invert() } }
    return new ShaderMaterial({
      vertexShader: structureVertex(defines),
      fragmentShader: STRUCTURE_FRAGMENT,
      uniforms: { ...this.uniforms, ...own, uChannel: { value: new Vector4() }, uOccupancy: { value: 0 }, uRefDepth: { value: EYE_MM }, uClipDepth: { value: 0 }, uShell: { value: 0 }, uPixelMm: { value: 1 }, uNoShellRegions: { value: new Vector4(-1, -1, -1, -1) } },
      side: DoubleSide,
      depthTest: false,
      depthWrite: false,
      blending: CustomBlending,
      blendSrc: OneFactor,
      blendDst: OneFactor,
      blendSrcAlpha: OneFactor,
      blendDstAlpha: OneFactor,
    })
  }

  /**
   * The treatment's step the pictures show (null: none): its pieces are drawn with their
   * tissues (domain/imaging/treatmentTissues.ts), the femur where the step puts it.
   */
  setTreatment(scene: TreatmentScene | null): void {
    this.scene3 = scene
    this.treatment.sync(scene ? scene.instruments : [], scene ? scene.pieces : [])
    for (const p of this.pieceProxies) {
      this.scene.remove(p.mesh)
      p.material.dispose()
    }
    this.pieceProxies = []
    if (!scene) return
    const byId = new Map(scene.pieces.map((piece) => [piece.id, piece]))
    this.treatment.root.updateMatrixWorld(true)
    for (const group of [...this.treatment.root.children, ...this.treatment.femurRoot.children]) {
      if (group === this.treatment.femurRoot) continue
      const tag = group.userData.treatmentObject as TreatmentObjectRef | undefined
      const piece = tag?.role === 'piece' ? byId.get(tag.id) : undefined
      const tissue = piece ? pieceTissue(piece.kind, piece.implant) : tag?.role === 'instrument' ? INSTRUMENT_TISSUE : null
      if (!tissue) continue
      const onFemur = group.parent === this.treatment.femurRoot
      group.traverse((o) => {
        const source = o as Mesh
        if (!source.isMesh || !source.visible) return
        const material = this.proxyMaterial([], new Matrix4())
        const mesh = new Mesh(source.geometry, material)
        mesh.matrixAutoUpdate = false
        mesh.frustumCulled = false
        this.scene.add(mesh)
        this.pieceProxies.push({ mesh, material, tissue, local: source.matrixWorld.clone(), onFemur, instrument: tag?.role === 'instrument' })
      })
    }
  }

  /** The signs pass drawn alone, or kept from an earlier film that read the same (see `signs`). */
  private signsOf(pass: ShaderMaterial, size: number): WebGLRenderTarget {
    const key = `${size} ${uniformsKey(pass)}`
    let kept = this.signs.get(key)
    if (kept) {
      this.signs.delete(key)
    } else {
      kept = new WebGLRenderTarget(size, size, { type: this.floatType, format: RGBAFormat, depthBuffer: false, minFilter: NearestFilter, magFilter: NearestFilter })
      this.gl.setRenderTarget(kept)
      this.gl.setClearColor(0x000000, 0)
      this.gl.clear(true, false, false)
      this.drawQuad(pass, kept)
    }
    this.signs.set(key, kept)
    while (this.signs.size > SIGNS_KEPT) {
      const [oldest, target] = this.signs.entries().next().value!
      target.dispose()
      this.signs.delete(oldest)
    }
    return kept
  }

  dispose(): void {
    this.gl.domElement.removeEventListener('webglcontextlost', this.forgetSigns)
    this.forgetSigns()
    this.setTreatment(null)
    this.treatment.dispose()
    for (const m of this.materials) m.dispose()
    for (const t of this.targets.values()) t.dispose()
    this.quad.geometry.dispose()
    this.targets.clear()
    this.scene.clear()
    this.quadScene.clear()
  }

  /**
   * The femur's proxies at the stage's migration (the uniforms' uHeadShift), each with its
   * structure's current geometry (never a geometry the model has replaced and disposed).
   */
  private placeFemur(turn: Rotation3 | null): Matrix4 {
    // Rest → drawn: the stage's migration (uHeadShift) or the treatment step's pose (its rule:
    // femurPose.ts), after a frog-leg's turn about the head's centre: P · T(c) · R · T(−c).
    const placement = poseMatrix(this.scene3?.femur ?? null, this.uniforms.uHeadShift.value, new Matrix4())
    if (turn) {
      const c = this.uniforms.uHeadCentre.value
      const [a, b, d, e, f, g, h, i, j] = turn
      const r = new Matrix4().set(a, b, d, 0, e, f, g, 0, h, i, j, 0, 0, 0, 0, 1)
      placement.multiply(new Matrix4().makeTranslation(c)).multiply(r).multiply(new Matrix4().makeTranslation(-c.x, -c.y, -c.z))
    }
    for (const p of this.proxies) {
      p.mesh.geometry = p.source.geometry
      p.mesh.matrix.copy(p.rest)
      if (onFemur(p.id)) p.mesh.matrix.premultiply(placement)
      p.mesh.matrixWorld.copy(p.mesh.matrix)
    }
    for (const p of this.pieceProxies) {
      p.mesh.matrix.copy(p.local)
      // The leg turned into the frog-leg position for a lateral fluoroscopy takes the wire or drill in its bone along.
      if (p.onFemur || (turn && p.instrument)) p.mesh.matrix.premultiply(placement)
      p.mesh.matrixWorld.copy(p.mesh.matrix)
    }
    return placement
  }

  /** An orthographic camera in front of the frame, looking back (AP), EYE_MM before the plane z = zPlane. */
  private aim(frame: ImageFrame, zPlane: number): void {
    const c = this.uniforms.uHeadCentre.value
    const half = frame.sizeMm / 2
    const cam = this.camera
    cam.left = -half
    cam.right = half
    cam.top = half
    cam.bottom = -half
    cam.near = 1
    cam.far = EYE_MM + 400
    cam.position.set(c.x + frame.offset[0], c.y + frame.offset[1], zPlane + EYE_MM)
    cam.up.set(0, 1, 0)
    cam.lookAt(cam.position.x, cam.position.y, zPlane)
    cam.updateProjectionMatrix()
    cam.updateMatrixWorld(true)
  }

  private setFrame(pass: ShaderMaterial, frame: ImageFrame): void {
    const c = this.uniforms.uHeadCentre.value
    const half = frame.sizeMm / 2
    ;(pass.uniforms.uFrame!.value as Vector4).set(c.x + frame.offset[0] - half, c.y + frame.offset[1] - half, frame.sizeMm, frame.sizeMm)
  }

  private target(name: string, size: number, type: typeof FloatType | typeof HalfFloatType | typeof UnsignedByteType): WebGLRenderTarget {
    const key = `${name}:${size}`
    let t = this.targets.get(key)
    if (!t) {
      for (const [k, old] of this.targets) {
        if (k.startsWith(`${name}:`)) {
          old.dispose()
          this.targets.delete(k)
        }
      }
      t = new WebGLRenderTarget(size, size, { type, format: RGBAFormat, depthBuffer: false, minFilter: NearestFilter, magFilter: NearestFilter })
      this.targets.set(key, t)
    }
    return t
  }

  private readonly passes = new Map<PassName, ShaderMaterial>()

  /** A full-frame pass (made once per name), its uniforms set from `values`. */
  private pass(name: PassName, values: Record<string, unknown>): ShaderMaterial {
    let m = this.passes.get(name)
    if (!m) {
      const { fragment, additive } = PASSES[name]
      m = new ShaderMaterial({
        vertexShader: QUAD_VERTEX,
        fragmentShader: fragment,
        uniforms: { ...this.uniforms, uFrame: { value: new Vector4() } },
        depthTest: false,
        depthWrite: false,
        ...(additive ? { blending: CustomBlending, blendSrc: OneFactor, blendDst: OneFactor, blendSrcAlpha: OneFactor, blendDstAlpha: OneFactor } : {}),
      })
      this.passes.set(name, m)
      this.materials.push(m)
    }
    for (const [k, v] of Object.entries(values)) {
      const u = m.uniforms[k]
      if (u) u.value = v
      else m.uniforms[k] = { value: v }
    }
    return m
  }

  /**
   * Readies every program the pictures use (the structures' and the pieces' kinds, every pass)
   * before the first picture, one at a time in quiet moments (scene/three/programWarmUp.ts):
   * made at the first picture they cost one 1.4-s stop with software WebGL (measured). `view` is
   * the 3D view's scene, whose frames the warm-up waits between. Made for a target, as drawn.
   */
  warm(view: Scene): { cancel: () => void; ready: Promise<void> } {
    this.view = view
    const gl = this.gl
    const previous = gl.getRenderTarget()
    const target = new WebGLRenderTarget(1, 1, { type: this.floatType, format: RGBAFormat, depthBuffer: false })
    const quads = (Object.keys(PASSES) as PassName[]).map((name) => new Mesh(this.quad.geometry, this.pass(name, {})))
    gl.setRenderTarget(target)
    try {
      return warmProgramsUntilReady(gl, this.camera, view, [this.scene, ...quads], this.scene)
    } finally {
      gl.setRenderTarget(previous)
      target.dispose()
    }
  }

  private draw(scene: Scene, target: WebGLRenderTarget): void {
    const gl = this.gl
    gl.setRenderTarget(target)
    gl.setClearColor(0x000000, 0)
    gl.clear(true, false, false)
    gl.render(scene, this.camera)
  }

  /** Draws a pass over what the target holds (an additive pass adds to it). */
  private drawQuad(material: ShaderMaterial, target: WebGLRenderTarget): void {
    this.quad.material = material
    this.gl.setRenderTarget(target)
    this.gl.render(this.quadScene, this.camera)
  }

  private toPixels<R extends ReadMode>(material: ShaderMaterial, request: ImageRequest, read: R): PixelsRead<R> {
    const { size, mirror } = request
    const out = this.target('out', size, UnsignedByteType)
    this.quad.material = material
    this.gl.setRenderTarget(out)
    this.gl.clear(true, false, false)
    this.gl.render(this.quadScene, this.camera)
    const raw = new Uint8Array(size * size * 4)
    if (read === 'now') {
      this.gl.readRenderTargetPixels(out, 0, 0, size, size, raw)
      return upright(raw, size, mirror) as PixelsRead<R>
    }
    // The read into a GPU buffer is queued now (so `out` may be drawn into again at once); its
    // bytes are fetched when the GPU has nothing queued (between the view's frames).
    return readWhenQuiet(this.gl, this.view ?? this.scene, out, size, raw).then(() => upright(raw, size, mirror)) as PixelsRead<R>
  }

  /**
   * Runs off-screen work and leaves the renderer as the 3D view had it: its target, clear colour,
   * auto-clear and the counts of its last frame (hipExplorer.stats() reports the view's frame, not ours).
   */
  private offscreen<T>(work: () => T): T {
    const gl = this.gl
    const target = gl.getRenderTarget()
    const clear = gl.getClearColor(tmpColor).getHex()
    const alpha = gl.getClearAlpha()
    const autoReset = gl.info.autoReset
    const autoClear = gl.autoClear
    const { calls, triangles, points, lines, frame } = gl.info.render
    gl.info.autoReset = false
    // Passes add to what a target holds: each target is cleared once, explicitly.
    gl.autoClear = false
    try {
      return work()
    } finally {
      gl.setRenderTarget(target)
      gl.setClearColor(clear, alpha)
      gl.info.autoReset = autoReset
      gl.autoClear = autoClear
      Object.assign(gl.info.render, { calls, triangles, points, lines, frame })
    }
  }
}

const tmpColor = new Color()

/** Rows from the top (as ImageData wants them; GL reads from the bottom), mirrored for a left hip, opaque. */
function upright(raw: Uint8Array, size: number, mirror: boolean): ImagePixels {
  const data = new Uint8ClampedArray(size * size * 4)
  for (let y = 0; y < size; y++) {
    const from = (size - 1 - y) * size * 4
    for (let x = 0; x < size; x++) {
      const src = from + (mirror ? size - 1 - x : x) * 4
      const dst = (y * size + x) * 4
      data[dst] = raw[src]!
      data[dst + 1] = raw[src + 1]!
      data[dst + 2] = raw[src + 2]!
      data[dst + 3] = 255
    }
  }
  return { width: size, height: size, data }
}
