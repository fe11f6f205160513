/**
 * The view state <-> link (URL query) codec. Pure: no DOM, no React.
 *
 * A link may come from anywhere (a patient portal, an e-mail, a typo), so parsing never
 * throws: unusable values are dropped or clamped, and each one is named in `ignored` so the
 * UI can tell the user what it did not apply.
 */
import { isStructureId, type StructureId } from './anatomy/structures.ts'
import { isProcedureId } from './procedures.ts'
import { SECTION_OFFSET_LIMIT, SECTION_PLANES, type SectionState } from './section.ts'
import { CUTAWAY_CHOICES } from './cutaway.ts'
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
}

export interface UrlCodecOptions {
  /** Number of steps of a procedure, to clamp `step`. */
  readonly stepCount?: (procedure: NonNullable<ViewState['procedure']>) => number
  /** The procedure already shown, so that a `step` without `proc` can still be applied (API only). */
  readonly currentProcedure?: ViewState['procedure']
}

const KNOWN_KEYS = [
  'stage', 'sys', 'size', 'loc', 'proc', 'step', 'mode', 'view', 'cam', 'hide', 'fade', 'cut', 'labels', 'sel', 'side',
  'lang', 'flow', 'cutaway', 'cause',
] as const

function shorten(text: string): string {
  return text.length > MAX_NAME_IN_NOTICE ? `${text.slice(0, MAX_NAME_IN_NOTICE)}…` : text
}

function oneOf<T extends string>(values: readonly T[], raw: string): T | undefined {
  return (values as readonly string[]).includes(raw) ? (raw as T) : undefined
}

/** Rounds to a fixed number of decimals, without "-0". */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals
  const r = Math.round(value * f) / f
  return Object.is(r, -0) ? 0 : r
}

function parseStructureList(key: string, value: string, ignored: string[]): StructureId[] {
  const ids = new Set<StructureId>()
  for (const part of value.split(',')) {
    const id = part.trim()
    if (id === '') continue
    if (isStructureId(id)) ids.add(id)
    else ignored.push(`${key}=${shorten(id)} (no such structure)`)
  }
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
    const length = Math.hypot(nx, ny, nz)
    if (length < 1e-6 || Math.abs(offset) > SECTION_OFFSET_LIMIT) return undefined
    const r = (v: number) => round(v / length, 4)
    return { plane, offset: round(offset, 1), flip, normal: [r(nx), r(ny), r(nz)] }
  }
  if (numbers.length > 1) return undefined
  const offset = numbers[0] ?? 0
  if (Math.abs(offset) > SECTION_OFFSET_LIMIT) return undefined
  return { plane, offset: round(offset, 1), flip, normal: DEFAULT_SECTION_NORMAL }
}

function serializeSection(section: SectionState): string {
  const parts: string[] = [section.plane]
  if (section.plane === 'free') parts.push(...section.normal.map((v) => String(round(v, 4))), String(round(section.offset, 1)))
  else if (section.offset !== 0 || section.flip) parts.push(String(round(section.offset, 1)))
  if (section.flip) parts.push('flip')
  return parts.join(',')
}

function parseCamera(raw: string): CameraPose | undefined {
  const parts = raw.split(',')
  if (parts.length !== 6) return undefined
  const n = parts.map((p) => (p.trim() === '' ? NaN : Number(p)))
  if (!n.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_CAMERA_DISTANCE_MM)) return undefined
  const [px, py, pz, tx, ty, tz] = n as [number, number, number, number, number, number]
  if (Math.hypot(px - tx, py - ty, pz - tz) < 1) return undefined // eye on the target: no view direction
  return { position: [px, py, pz], target: [tx, ty, tz] }
}

/** Reads a link's query string (with or without the leading "?"). Never throws. */
export function parseViewQuery(search: string, options: UrlCodecOptions = {}): ParsedLink {
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
      case 'flow': {
        if (value === '1' || value === '0') patch.flow = value === '1'
        else bad()
        break
      }
      case 'cutaway': { const v = oneOf(CUTAWAY_CHOICES, value); if (v) patch.cutaway = v; else bad(); break }
      case 'proc': { if (isProcedureId(value)) patch.procedure = value; else bad(); break }
      case 'sel': { if (isStructureId(value)) patch.selected = value; else bad(); break }
      case 'cam': {
        const pose = parseCamera(value)
        if (pose) { patch.camera = pose; patch.view = null } else bad()
        break
      }
      case 'hide': patch.hidden = parseStructureList(key, value, ignored); break
      case 'fade': patch.faded = parseStructureList(key, value, ignored); break
      case 'labels': {
        if (value === '1' || value === '0') patch.labels = value === '1'
        else bad()
        break
      }
      case 'cut': {
        const section = parseSection(value)
        if (section) patch.section = section
        else bad()
        break
      }
      case 'step': break // needs `proc`; handled below
    }
  }

  const rawStep = params.get('step')
  if (rawStep !== null && rawStep.length <= MAX_VALUE_LENGTH) {
    const n = Number(rawStep)
    if (!patch.procedure) ignored.push(`step=${shorten(rawStep)} (no procedure chosen)`)
    else if (!Number.isInteger(n)) ignored.push(`step=${shorten(rawStep)}`)
    else {
      const max = options.stepCount?.(patch.procedure) ?? Number.MAX_SAFE_INTEGER
      const clamped = Math.min(max, Math.max(1, n))
      if (clamped !== n) ignored.push(`step=${shorten(rawStep)} (shown as ${clamped})`)
      patch.step = clamped - 1
    }
  }
  return { patch, ignored }
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
    if (state.step > 0) put('step', String(state.step + 1))
  }
  if (state.mode !== d.mode) put('mode', state.mode)
  if (state.view === null && state.camera) {
    const { position: p, target: t } = state.camera
    put('cam', [...p, ...t].map((v) => String(round(v, 1))).join(','))
  } else if (state.view !== null && state.view !== d.view) {
    put('view', state.view)
  }
  const list = (ids: readonly string[]) => [...ids].sort().join(',')
  // A list that differs from its default is written whole (an empty one as "fade=").
  if (list(state.hidden) !== list(d.hidden)) put('hide', list(state.hidden))
  if (list(state.faded) !== list(d.faded)) put('fade', list(state.faded))
  if (state.section) put('cut', serializeSection(state.section))
  if (state.labels !== d.labels) put('labels', state.labels ? '1' : '0')
  if (state.selected) put('sel', state.selected)
  if (state.side !== d.side) put('side', state.side)
  if (state.lang !== d.lang) put('lang', state.lang)
  if (state.flow !== d.flow) put('flow', state.flow ? '1' : '0')
  if (state.cutaway !== d.cutaway) put('cutaway', state.cutaway)
  return q.length ? `?${q.join('&')}` : ''
}

/** Merges a parsed patch over a base state, keeping view/camera consistent. */
export function applyPatch(base: ViewState, patch: Partial<ViewState>): ViewState {
  const next: ViewState = { ...base, ...patch }
  if (patch.procedure !== undefined && patch.step === undefined && patch.procedure !== base.procedure) {
    return { ...next, step: 0 }
  }
  if (!next.procedure && next.step !== 0) return { ...next, step: 0 }
  return next
}

const FIELD_KEYS: Record<keyof ViewState, string> = {
  stage: 'stage', stageSystem: 'sys', lesionSize: 'size', lesionType: 'loc', cause: 'cause', procedure: 'proc', step: 'step',
  mode: 'mode', view: 'view', camera: 'cam', hidden: 'hide', faded: 'fade', section: 'cut', labels: 'labels', selected: 'sel',
  side: 'side', lang: 'lang', flow: 'flow', cutaway: 'cutaway',
}

/**
 * Validates a partial view state that arrives as data (the automation API, postMessage),
 * with exactly the rules of a link. `null` clears `procedure`, `selected`, `view`/`camera`.
 */
export function sanitizePatch(input: unknown, options: UrlCodecOptions = {}): ParsedLink {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { patch: {}, ignored: ['(not an object of settings)'] }
  }
  const params = new URLSearchParams()
  const cleared: { -readonly [K in keyof ViewState]?: ViewState[K] } = {}
  const ignored: string[] = []
  for (const [field, value] of Object.entries(input as Record<string, unknown>)) {
    const key = (FIELD_KEYS as Record<string, string>)[field]
    if (!key) { ignored.push(`${shorten(field)} (unknown setting)`); continue }
    if (value === null && (field === 'procedure' || field === 'selected' || field === 'camera' || field === 'view' || field === 'section')) {
      if (field === 'procedure') Object.assign(cleared, { procedure: null, step: 0 })
      if (field === 'selected') cleared.selected = null
      if (field === 'section') cleared.section = null
      continue
    }
    if (field === 'hidden' || field === 'faded') {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        if (value.length === 0) cleared[field] = []
        else params.set(key, value.join(','))
      } else ignored.push(`${field} (not a list of names)`)
      continue
    }
    if (field === 'section') {
      const s = value as Partial<SectionState>
      const normal = Array.isArray(s?.normal) ? s.normal : [0, 0, 1]
      if (typeof s?.plane === 'string' && (s.offset === undefined || typeof s.offset === 'number')) {
        const flip = s.flip === true ? ',flip' : ''
        params.set(key, s.plane === 'free' ? `free,${normal.join(',')},${s.offset ?? 0}${flip}` : `${s.plane},${s.offset ?? 0}${flip}`)
      } else ignored.push('section (needs a plane name and an offset)')
      continue
    }
    if (field === 'camera') {
      const pose = value as Partial<CameraPose>
      const nums = [...(Array.isArray(pose?.position) ? pose.position : []), ...(Array.isArray(pose?.target) ? pose.target : [])]
      if (nums.length === 6 && nums.every((n) => typeof n === 'number')) params.set(key, nums.join(','))
      else ignored.push('camera (needs position and target, 3 numbers each)')
      continue
    }
    if (field === 'flow' || field === 'labels') {
      if (typeof value === 'boolean') params.set(key, value ? '1' : '0')
      else ignored.push(`${field} (not true or false)`)
      continue
    }
    if (field === 'step') {
      if (typeof value === 'number') params.set(key, String(value + 1))
      else ignored.push('step (not a number)')
      continue
    }
    if (typeof value === 'number' || typeof value === 'string') params.set(key, String(value))
    else ignored.push(`${field} (wrong type)`)
  }
  // A step needs its procedure; take the current one from the caller's state if not given.
  if (params.has('step') && !params.has('proc') && options.currentProcedure) params.set('proc', options.currentProcedure)
  const parsed = parseViewQuery(params.toString(), options)
  const renamed = parsed.ignored.map((reason) => {
    const key = reason.split(/[=( ]/)[0] ?? ''
    const field = (Object.keys(FIELD_KEYS) as (keyof ViewState)[]).find((f) => FIELD_KEYS[f] === key)
    return field && field !== key ? reason.replace(key, field) : reason
  })
  return { patch: { ...parsed.patch, ...cleared }, ignored: [...ignored, ...renamed] }
}
