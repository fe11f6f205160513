/**
 * The view state <-> link (URL query) codec. Pure: no DOM, no React.
 *
 * A link may come from anywhere (a patient portal, an e-mail, a typo), so parsing never
 * throws: unusable values are dropped or clamped, and each one is named in `ignored` so the
 * UI can tell the user what it did not apply.
 */
import { isStructureId, type StructureId } from './anatomy/structures.ts'
import { isProcedureId, type ProcedureId } from './procedureIds.ts'
import { hasVariant, stepCountOf } from './procedureStepCounts.ts'
import { linkNormal, OFFSET_DECIMALS, SECTION_OFFSET_LIMIT, SECTION_PLANES, viewFacingCut, type SectionState } from './section.ts'
import { constrainCamera } from './cameraBounds.ts'
import { echoText } from './echoText.ts'
import { round } from './rounding.ts'
import { CUTAWAY_CHOICES } from './cutaway.ts'
import { isTourId, sceneCountOf, type TourId } from './tours/tourCatalogue.ts'
import {
  CAUSES,
  DEFAULT_VIEW_STATE,
  LANGS,
  LESION_SIZES,
  LESION_TYPES,
  MODES,
  NAMED_VIEWS,
  SIDES,
  STAGE_MAX,
  STAGE_MIN,
  STAGE_SYSTEMS,
  type CameraPose,
  type ViewState,
} from './viewState.ts'

const DEFAULT_SECTION_NORMAL = [0, 0, 1] as const

/** Longest value we read for one parameter; longer ones are ignored (a 10 kB link is not ours). */
export const MAX_VALUE_LENGTH = 600
/** Camera coordinates further than this (mm) from the hip are not a view of the hip. */
export const MAX_CAMERA_DISTANCE_MM = 5000
const MAX_NAME_IN_NOTICE = 24

export interface ParsedLink {
  /** Only the fields the link set validly; merge over the defaults. */
  readonly patch: Partial<ViewState>
  /** Human-readable reasons, one per ignored or adjusted parameter. */
  readonly ignored: string[]
  /**
   * A link to a treatment step that does not say how to look at it (no `view` or `cam`, no
   * `cut`): what it leaves to the step's own staging (state/treatmentPlayer.ts stageLinkedStep),
   * as the player stages a step the user goes to. Absent when the link opens no treatment.
   */
  readonly leftToStep?: { readonly view: boolean; readonly cut: boolean }
}

export interface UrlCodecOptions {
  /** Number of steps of a procedure's default sequence (variant null) or of a variant, to clamp `step`. */
  readonly stepCount?: (procedure: ProcedureId, variant: string | null) => number
  /** The procedure already shown, so that a `step` without `proc` can still be applied (API only). */
  readonly currentProcedure?: ViewState['procedure']
  /** The variant already shown, for a `step` given without one (API only). */
  readonly currentVariant?: ViewState['variant']
  /** The tour already shown, so that a `scene` without `tour` can still be applied (API only). */
  readonly currentTour?: ViewState['tour']
}

const KNOWN_KEYS = [
  'stage', 'sys', 'size', 'loc', 'proc', 'variant', 'step', 'mode', 'view', 'cam', 'hide', 'fade', 'cut', 'labels', 'sel', 'side',
  'lang', 'flow', 'cutaway', 'cause', 'present', 'images', 'tour', 'scene',
] as const

/** A value as the notice may echo it: short, without controls or bidi overrides (see ./echoText.ts). */
function shorten(text: string): string {
  return echoText(text, MAX_NAME_IN_NOTICE)
}

function oneOf<T extends string>(values: readonly T[], raw: string): T | undefined {
  return (values as readonly string[]).includes(raw) ? (raw as T) : undefined
}

export { round }

/**
 * The structures named in `hide=` / `fade=`, or undefined (the setting left as it was) when
 * names were given and none of them is a structure: `hide=notABone` must not show what is
 * hidden by default. An empty value is an empty list (show everything).
 */
function parseStructureList(key: string, value: string, ignored: string[]): StructureId[] | undefined {
  const ids = new Set<StructureId>()
  let named = 0
  for (const part of value.split(',')) {
    const id = part.trim()
    if (id === '') continue
    named++
    if (isStructureId(id)) ids.add(id)
    else ignored.push(`${key}=${shorten(id)} (no such structure)`)
  }
  if (named > 0 && ids.size === 0) return undefined
  return [...ids].sort()
}

/** `cut=coronal`, `cut=axial,-12.5`, `cut=sagittal,0,flip`, `cut=free,nx,ny,nz,offset[,flip]`. */
function parseSection(raw: string): SectionState | undefined {
  const parts = raw.split(',')
  const flip = parts[parts.length - 1] === 'flip'
  if (flip) parts.pop()
  const plane = oneOf(SECTION_PLANES, parts[0] ?? '')
  if (!plane) return undefined
  const numbers = parts.slice(1).map((p) => (p.trim() === '' ? NaN : Number(p)))
  if (!numbers.every(Number.isFinite)) return undefined
  if (plane === 'free') {
    if (numbers.length !== 4) return undefined
    const [nx, ny, nz, offset] = numbers as [number, number, number, number]
    const normal = linkNormal([nx, ny, nz])
    if (!normal || Math.abs(offset) > SECTION_OFFSET_LIMIT) return undefined
    return { plane, offset: round(offset, OFFSET_DECIMALS), flip, normal }
  }
  if (numbers.length > 1) return undefined
  const offset = numbers[0] ?? 0
  if (Math.abs(offset) > SECTION_OFFSET_LIMIT) return undefined
  return { plane, offset: round(offset, OFFSET_DECIMALS), flip, normal: DEFAULT_SECTION_NORMAL }
}

function serializeSection(section: SectionState): string {
  const parts: string[] = [section.plane]
  if (section.plane === 'free') parts.push(...section.normal.map((v) => String(round(v, 4))), String(round(section.offset, 1)))
  else if (section.offset !== 0 || section.flip) parts.push(String(round(section.offset, 1)))
  if (section.flip) parts.push('flip')
  return parts.join(',')
}

/** A camera as the link gives it, rounded and brought within view of the hip (./cameraBounds.ts). */
function parseCamera(raw: string): { pose: CameraPose; adjusted: string | null } | undefined {
  const parts = raw.split(',')
  if (parts.length !== 6) return undefined
  const n = parts.map((p) => (p.trim() === '' ? NaN : Number(p)))
  if (!n.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_CAMERA_DISTANCE_MM)) return undefined
  const [px, py, pz, tx, ty, tz] = n as [number, number, number, number, number, number]
  const { pose, adjusted } = constrainCamera([px, py, pz], [tx, ty, tz])
  return pose ? { pose, adjusted } : undefined // null: eye on the target, no view direction
}

/**
 * Reads a link's query string (with or without the leading "?"). Never throws. A link with a
 * named cut and neither `view` nor `cam` opens on the view that faces the cut
 * (section.ts viewFacingCut): `cut=axial` shows the cut face, not its edge from the front.
 * A link to a treatment step that leaves out the view or the cut (a hand-made one) is shown as
 * the player shows that step (`leftToStep`); the links the app writes say both (`cut=none`).
 */
export function parseViewQuery(search: string, options: UrlCodecOptions = {}): ParsedLink {
  const parsed = parseFields(search, options)
  let { patch } = parsed
  if (patch.section && patch.view === undefined && patch.camera === undefined) {
    const view = viewFacingCut(patch.section)
    if (view) patch = { ...patch, view, camera: null }
  }
  if (!patch.procedure) return { ...parsed, patch }
  const leftToStep = { view: patch.view === undefined && patch.camera === undefined, cut: patch.section === undefined }
  return { ...parsed, patch, ...(leftToStep.view || leftToStep.cut ? { leftToStep } : {}) }
}

/** The link's fields, each as it says (no view implied by a cut: the API sets fields one by one). */
function parseFields(search: string, options: UrlCodecOptions): ParsedLink {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)
  const patch: { -readonly [K in keyof ViewState]?: ViewState[K] } = {}
  const ignored: string[] = []
  const seen = new Set<string>()

  for (const [key, value] of params) {
    if (seen.has(key)) {
      ignored.push(`${shorten(key)} (given twice; the first one was used)`)
      continue
    }
    seen.add(key)
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      ignored.push(`${shorten(key)} (unknown setting)`)
      continue
    }
    if (value.length > MAX_VALUE_LENGTH) {
      ignored.push(`${key} (value too long)`)
      continue
    }
    const bad = () => ignored.push(`${key}=${shorten(value)}`)
    switch (key) {
      case 'stage': {
        const n = value.trim() === '' ? NaN : Number(value)
        if (!Number.isFinite(n)) { bad(); break }
        const clamped = Math.min(STAGE_MAX, Math.max(STAGE_MIN, n))
        if (clamped !== n) ignored.push(`stage=${shorten(value)} (shown as ${clamped})`)
        patch.stage = round(clamped, 2)
        break
      }
      case 'sys': { const v = oneOf(STAGE_SYSTEMS, value); if (v) patch.stageSystem = v; else bad(); break }
      case 'size': { const v = oneOf(LESION_SIZES, value); if (v) patch.lesionSize = v; else bad(); break }
      case 'loc': { const v = oneOf(LESION_TYPES, value.toUpperCase()); if (v) patch.lesionType = v; else bad(); break }
      case 'cause': { const v = oneOf(CAUSES, value); if (v) patch.cause = v; else bad(); break }
      case 'mode': { const v = oneOf(MODES, value); if (v) patch.mode = v; else bad(); break }
      case 'side': { const v = oneOf(SIDES, value); if (v) patch.side = v; else bad(); break }
      case 'lang': { const v = oneOf(LANGS, value); if (v) patch.lang = v; else bad(); break }
      case 'view': { const v = oneOf(NAMED_VIEWS, value); if (v) { patch.view = v; patch.camera = null } else bad(); break }
      case 'flow':
      case 'labels':
      case 'present':
      case 'images': {
        if (value === '1' || value === '0') patch[key] = value === '1'
        else bad()
        break
      }
      case 'cutaway': { const v = oneOf(CUTAWAY_CHOICES, value); if (v) patch.cutaway = v; else bad(); break }
      case 'proc': { if (isProcedureId(value)) patch.procedure = value; else bad(); break }
      case 'sel': { if (isStructureId(value)) patch.selected = value; else bad(); break }
      case 'cam': {
        const camera = parseCamera(value)
        if (camera) { patch.camera = camera.pose; patch.view = null } else bad()
        if (camera?.adjusted) ignored.push(`cam=${shorten(value)} (${camera.adjusted})`)
        break
      }
      case 'hide': { const ids = parseStructureList(key, value, ignored); if (ids) patch.hidden = ids; break }
      case 'fade': { const ids = parseStructureList(key, value, ignored); if (ids) patch.faded = ids; break }
      case 'cut': {
        // `none`: no cut, said on purpose (a treatment step's link; see parseViewQuery).
        const section = value === 'none' ? null : parseSection(value)
        if (section !== undefined) patch.section = section
        else bad()
        break
      }
      case 'tour': { if (isTourId(value)) patch.tour = value; else bad(); break }
      case 'variant': break // needs `proc`; handled below
      case 'step': break // needs `proc` (and its variant); handled below
      case 'scene': break // needs `tour`; handled below
    }
  }

  const rawScene = params.get('scene')
  if (rawScene !== null && rawScene.length <= MAX_VALUE_LENGTH) {
    const n = rawScene.trim() === '' ? NaN : Number(rawScene)
    if (!patch.tour) ignored.push(`scene=${shorten(rawScene)} (no tour chosen)`)
    else if (!Number.isInteger(n)) ignored.push(`scene=${shorten(rawScene)}`)
    else {
      const clamped = Math.min(sceneCountOf(patch.tour), Math.max(1, n))
      if (clamped !== n) ignored.push(`scene=${shorten(rawScene)} (shown as ${clamped})`)
      patch.scene = clamped - 1
    }
  }

  const rawVariant = params.get('variant')
  if (rawVariant !== null && rawVariant.length <= MAX_VALUE_LENGTH) {
    const reason = variantProblem(patch.procedure ?? null, rawVariant)
    if (reason) ignored.push(`variant=${shorten(rawVariant)}${reason}`)
    else patch.variant = rawVariant
  }

  const rawStep = params.get('step')
  if (rawStep !== null && rawStep.length <= MAX_VALUE_LENGTH) {
    const n = Number(rawStep)
    if (!patch.procedure) ignored.push(`step=${shorten(rawStep)} (no procedure chosen)`)
    else if (!Number.isInteger(n)) ignored.push(`step=${shorten(rawStep)}`)
    else {
      const max = options.stepCount?.(patch.procedure, patch.variant ?? null) ?? Number.MAX_SAFE_INTEGER
      const clamped = Math.min(max, Math.max(1, n))
      if (clamped !== n) ignored.push(`step=${shorten(rawStep)} (shown as ${clamped})`)
      patch.step = clamped - 1
    }
  }
  return { patch, ignored }
}

/** Why a variant cannot be shown with this procedure (text for the notice), or null when it can. */
function variantProblem(procedure: ProcedureId | null, variant: string): string | null {
  if (!procedure) return ' (no procedure chosen)'
  return hasVariant(procedure, variant) ? null : ` (not a variant of ${procedure})`
}

/** Writes the link query for a view state; defaults are left out. Returns "" or "?a=b&...". */
export function serializeViewQuery(state: ViewState): string {
  const d = DEFAULT_VIEW_STATE
  const q: string[] = []
  const put = (key: string, value: string) => q.push(`${key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`)
  if (state.stage !== d.stage) put('stage', String(round(state.stage, 2)))
  if (state.stageSystem !== d.stageSystem) put('sys', state.stageSystem)
  if (state.lesionSize !== d.lesionSize) put('size', state.lesionSize)
  if (state.lesionType !== d.lesionType) put('loc', state.lesionType)
  if (state.cause !== d.cause) put('cause', state.cause)
  if (state.procedure) {
    put('proc', state.procedure)
    if (state.variant !== null) put('variant', state.variant)
    if (state.step > 0) put('step', String(state.step + 1))
  }
  if (state.mode !== d.mode) put('mode', state.mode)
  if (state.view === null && state.camera) {
    const { position: p, target: t } = state.camera
    put('cam', [...p, ...t].map((v) => String(round(v, 1))).join(','))
  } else if (state.view !== null && (state.procedure || state.view !== ((state.section && viewFacingCut(state.section)) || d.view))) {
    // Left out when it is the view the link implies: the default, or the one facing the cut. A
    // treatment step's link always says it (without one the step's own view is implied).
    put('view', state.view)
  }
  const list = (ids: readonly string[]) => [...ids].sort().join(',')
  // A list that differs from its default is written whole (an empty one as "fade=").
  if (list(state.hidden) !== list(d.hidden)) put('hide', list(state.hidden))
  if (list(state.faded) !== list(d.faded)) put('fade', list(state.faded))
  if (state.section) put('cut', serializeSection(state.section))
  else if (state.procedure) put('cut', 'none') // without it, the step's own cut is implied
  if (state.labels !== d.labels) put('labels', state.labels ? '1' : '0')
  if (state.selected) put('sel', state.selected)
  if (state.side !== d.side) put('side', state.side)
  if (state.lang !== d.lang) put('lang', state.lang)
  if (state.flow !== d.flow) put('flow', state.flow ? '1' : '0')
  if (state.cutaway !== d.cutaway) put('cutaway', state.cutaway)
  if (state.present !== d.present) put('present', state.present ? '1' : '0')
  if (state.images) put('images', '1')
  if (state.tour) {
    put('tour', state.tour)
    put('scene', String(state.scene + 1))
  }
  return q.length ? `?${q.join('&')}` : ''
}

/**
 * Merges a parsed patch over a base state, keeping the treatment fields consistent: another
 * procedure starts on its default sequence, another procedure or variant at its first step
 * (unless the patch names them), and the step always lies within the variant's step list.
 */
export function applyPatch(base: ViewState, patch: Partial<ViewState>): ViewState {
  return withTourScene(base, withTreatmentStep(base, patch), patch)
}

/** The tour's scene within the tour: another tour starts at its first scene unless the patch names one. */
function withTourScene(base: ViewState, next: ViewState, patch: Partial<ViewState>): ViewState {
  const { tour } = next
  if (!tour) return next.scene !== 0 ? { ...next, scene: 0 } : next
  const from = tour !== base.tour && patch.scene === undefined ? 0 : next.scene
  const scene = Math.min(sceneCountOf(tour) - 1, Math.max(0, from))
  return scene === next.scene ? next : { ...next, scene }
}

function withTreatmentStep(base: ViewState, patch: Partial<ViewState>): ViewState {
  const next: ViewState = { ...base, ...patch }
  const { procedure } = next
  if (!procedure) return next.step !== 0 || next.variant !== null ? { ...next, variant: null, step: 0 } : next
  const otherProcedure = procedure !== base.procedure
  let variant = otherProcedure && patch.variant === undefined ? null : next.variant
  if (variant !== null && !hasVariant(procedure, variant)) variant = null
  let step = (otherProcedure || variant !== base.variant) && patch.step === undefined ? 0 : next.step
  step = Math.min(step, stepCountOf(procedure, variant) - 1)
  return variant === next.variant && step === next.step ? next : { ...next, variant, step }
}

const FIELD_KEYS: Record<keyof ViewState, string> = {
  stage: 'stage', stageSystem: 'sys', lesionSize: 'size', lesionType: 'loc', cause: 'cause', procedure: 'proc', variant: 'variant', step: 'step',
  mode: 'mode', view: 'view', camera: 'cam', hidden: 'hide', faded: 'fade', section: 'cut', labels: 'labels', selected: 'sel',
  side: 'side', lang: 'lang', flow: 'flow', cutaway: 'cutaway', present: 'present', images: 'images', tour: 'tour', scene: 'scene',
}

/** API fields that `null` resets to their default (docs/api.md). */
const NULLABLE: ReadonlySet<string> = new Set(['procedure', 'variant', 'selected', 'camera', 'view', 'section', 'tour'])
/** A view state has 24 fields: far more is not a view state, and is not read field by field. */
const MAX_FIELDS = 64
/** Entries of `hidden` / `faded` read: there are 20 structures. */
const MAX_LIST = 64

const isNumberTriple = (v: unknown): v is [number, number, number] =>
  Array.isArray(v) && v.length === 3 && v.every((n) => typeof n === 'number')
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The caller's own fields (never inherited ones such as `constructor`), or null when unreadable. */
function ownFields(input: unknown): [string, unknown][] | null {
  if (!isRecord(input)) return null
  try {
    const keys = Object.keys(input)
    if (keys.length > MAX_FIELDS) return null
    return keys.map((key) => [key, input[key]])
  } catch {
    return null // a proxy or a getter that throws
  }
}

/** A link message about `key` in the words of the API field (`hide=spleen` -> `hidden=spleen`). */
function inFieldTerms(reason: string, key: string, field: string): string {
  return field !== key && reason.startsWith(key) ? field + reason.slice(key.length) : reason
}

type Read =
  | { raw: string }
  | { message: string }
  | { set: Partial<ViewState> }
  | { step: number }
  | { variant: string | null }
  | { scene: number }
  | { reset: 'view' }

/**
 * One API field as the link would carry it (`raw`), or what to do instead. Only values checked
 * here are turned into text: never `String()` or `join` of an untrusted object or a nested array
 * (a deeply nested one overflows the stack).
 */
function readField(field: keyof ViewState, value: unknown): Read {
  if (value === null && NULLABLE.has(field)) {
    if (field === 'procedure') return { set: { procedure: null, variant: null, step: 0 } }
    if (field === 'variant') return { variant: null }
    if (field === 'selected') return { set: { selected: null } }
    if (field === 'section') return { set: { section: null } }
    if (field === 'tour') return { set: { tour: null, scene: 0 } }
    return { reset: 'view' }
  }
  switch (field) {
    case 'hidden':
    case 'faded':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { message: `${field} (not a list of names)` }
      if (value.length > MAX_LIST) return { message: `${field} (too many names)` }
      if (value.length === 0) return { set: { [field]: [] } }
      return { raw: (value as string[]).join(',') } // entries are checked one by one in sanitizePatch
    case 'section': {
      const s = isRecord(value) ? value : {}
      const { plane, offset = 0, flip = false, normal = [0, 0, 1] } = s
      if (typeof plane !== 'string' || typeof offset !== 'number' || typeof flip !== 'boolean' || (plane === 'free' && !isNumberTriple(normal))) {
        return { message: 'section (needs a plane name and an offset)' }
      }
      const tail = `${offset}${flip ? ',flip' : ''}`
      return { raw: plane === 'free' ? `free,${(normal as number[]).join(',')},${tail}` : `${plane},${tail}` }
    }
    case 'camera': {
      const pose = isRecord(value) ? value : {}
      if (!isNumberTriple(pose.position) || !isNumberTriple(pose.target)) return { message: 'camera (needs position and target, 3 numbers each)' }
      return { raw: [...pose.position, ...pose.target].join(',') }
    }
    case 'flow':
    case 'labels':
    case 'present':
    case 'images':
      return typeof value === 'boolean' ? { raw: value ? '1' : '0' } : { message: `${field} (not true or false)` }
    case 'step':
      return typeof value === 'number' ? { step: value } : { message: 'step (not a number)' }
    case 'variant':
      return typeof value === 'string' ? { variant: value } : { message: 'variant (not a name)' }
    case 'scene':
      return typeof value === 'number' ? { scene: value } : { message: 'scene (not a number)' }
    default:
      return typeof value === 'number' || typeof value === 'string' ? { raw: String(value) } : { message: `${field} (wrong type)` }
  }
}

/**
 * Validates a partial view state that arrives as data (the automation API, postMessage),
 * with exactly the rules of a link, one field at a time and in the caller's order (a later
 * `view` or `camera` wins, as in a link). `null` resets `procedure`, `selected`, `section` and
 * `view`/`camera` to their defaults. Never throws; `ignored` names every value not applied,
 * in the API's own terms (`hidden=…`, a 0-based `step`).
 */
export function sanitizePatch(input: unknown, options: UrlCodecOptions = {}): ParsedLink {
  const fields = ownFields(input)
  if (!fields) return { patch: {}, ignored: ['(not an object of settings)'] }
  const patch: { -readonly [K in keyof ViewState]?: ViewState[K] } = {}
  const ignored: string[] = []
  let step: number | undefined
  let variant: string | null | undefined
  let scene: number | undefined
  let resetView = false
  for (const [field, value] of fields) {
    if (!Object.hasOwn(FIELD_KEYS, field)) {
      ignored.push(`${shorten(field)} (unknown setting)`)
      continue
    }
    const name = field as keyof ViewState
    const key = FIELD_KEYS[name]
    let read: Read
    try {
      read = readField(name, value)
    } catch {
      read = { message: `${field} (could not be read)` }
    }
    if ('message' in read) ignored.push(read.message)
    else if ('set' in read) Object.assign(patch, read.set)
    else if ('step' in read) step = read.step
    else if ('variant' in read) variant = read.variant
    else if ('scene' in read) scene = read.scene
    else if ('reset' in read) resetView = true
    else {
      let raw = read.raw
      if (name === 'hidden' || name === 'faded') {
        // Each entry is one name: `['labrum,femur']` is not two, and `''` is none.
        const entries = value as string[]
        const single = (v: string) => v.trim() !== '' && !v.includes(',')
        for (const v of entries.filter((v) => !single(v))) ignored.push(`${field}=${shorten(v)} (no such structure)`)
        raw = entries.filter(single).join(',')
        if (raw === '') continue
      }
      const one = parseFields(new URLSearchParams([[key, raw]]).toString(), options)
      Object.assign(patch, one.patch)
      for (const reason of one.ignored) ignored.push(inFieldTerms(reason, key, field))
    }
  }
  if (resetView && patch.view === undefined && patch.camera === undefined) {
    patch.view = DEFAULT_VIEW_STATE.view
    patch.camera = null
  }
  const current = options.currentProcedure ?? null
  const procedure = patch.procedure !== undefined ? patch.procedure : current
  if (variant === null) patch.variant = null
  else if (variant !== undefined) {
    const reason = variantProblem(procedure, variant)
    if (reason) ignored.push(`variant=${shorten(variant)}${reason}`)
    else patch.variant = variant
  }
  if (step !== undefined) {
    // The API counts steps from 0, as getState() reports them; messages do the same.
    const shown = shorten(String(step))
    // The variant the state will show: the one given, else none for another procedure, else the current one.
    const shownVariant = patch.variant !== undefined ? patch.variant : procedure === current ? (options.currentVariant ?? null) : null
    if (!procedure) ignored.push(`step=${shown} (no procedure chosen)`)
    else if (!Number.isInteger(step)) ignored.push(`step=${shown}`)
    else {
      const last = (options.stepCount?.(procedure, shownVariant) ?? Number.MAX_SAFE_INTEGER) - 1
      const clamped = Math.min(last, Math.max(0, step))
      if (clamped !== step) ignored.push(`step=${shown} (shown as ${clamped})`)
      patch.step = clamped
    }
  }
  if (scene !== undefined) sceneField(scene, patch.tour !== undefined ? patch.tour : (options.currentTour ?? null), patch, ignored)
  return { patch, ignored }
}

/** An API `scene` (0-based, as getState() reports it) of the tour the state will show. */
function sceneField(scene: number, tour: TourId | null, patch: { scene?: number }, ignored: string[]): void {
  const shown = shorten(String(scene))
  // Scene 0 without a tour is what getState() reports then: setState(getState()) is taken whole.
  if (!tour && scene === 0) return
  if (!tour) ignored.push(`scene=${shown} (no tour chosen)`)
  else if (!Number.isInteger(scene)) ignored.push(`scene=${shown}`)
  else {
    const clamped = Math.min(sceneCountOf(tour) - 1, Math.max(0, scene))
    if (clamped !== scene) ignored.push(`scene=${shown} (shown as ${clamped})`)
    patch.scene = clamped
  }
}
