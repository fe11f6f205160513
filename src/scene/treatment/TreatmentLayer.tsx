/**
 * The treatment in the 3D view: from the plan (domain/treatment/planner.ts) and the moment the
 * player is at (state/treatmentMoment.ts), the timeline's frame is drawn every frame a step plays
 * — tools and pieces moved in place (./treatmentObjectSet.ts), the femur's holes shown by the
 * geometry worker (../model/boneRemoval.ts) — and nothing is written to the store per frame.
 * The cuts of the current and the next step are computed ahead while this one plays.
 *
 * Loaded with the first treatment opened; mounted only while one is open. Closing it puts the
 * file's femur back and gives back every tool's geometry.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../domain/lesion/index.ts'
import { stageValue } from '../../domain/staging/stageValue.ts'
import type { PlanInput, TreatmentPlan } from '../../domain/treatment/planner.ts'
import { treatmentSteps } from '../../domain/treatment/steps.ts'
import { stepSection } from '../../domain/treatment/toolCut.ts'
import { focusFraming, hiddenByTreatment, seenThroughByTreatment, stepFocus } from '../../domain/treatment/stepViews.ts'
import { NO_TREATMENT_VIEW, useTreatmentView } from '../../state/treatmentView.ts'
import { frameAt, hasTimeline, waitingGraft, type StepRef } from '../../domain/treatment/timeline.ts'
import type { BoneRemoval } from '../../domain/treatment/frame.ts'
import { leadFraming } from '../../domain/treatment/marrowHarvestView.ts'
import { fluoroscopyStepAhead, underFluoroscopy } from '../../domain/imaging/fluoroscopy.ts'
import { clockT, onClockChange } from '../../state/treatmentClock.ts'
import { REMOVAL_INCREMENTS } from '../../domain/treatment/motion.ts'
import { usePlayerStore } from '../../state/playerStore.ts'
import { setTreatmentStaging } from '../../state/treatmentStaging.ts'
import { treatmentMoment } from '../../state/treatmentMoment.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useModelStore } from '../model/modelStore.ts'
import { prefetchBoneRemovals, showBoneRemovals } from '../model/boneRemoval.ts'
import { inOwnTask } from '../quietMoment.ts'
import { TreatmentObjectSet } from './treatmentObjectSet.ts'
import { sectionPlaneOf } from '../section/sectionPlane.ts'
import { buildModelsAhead, holdModels } from './modelCache.ts'
import type { ModelRecipe } from './builders.ts'
import { stepRecipes } from './stepModels.ts'
import { RemovedBone } from './removedBone.ts'
import { useTreatmentPlan } from './useTreatmentPlan.ts'
import { buildSafeZoneMesh } from './safeZoneCone.ts'
import { lewinnekCone } from '../../domain/treatment/replacement/safeZone.ts'
import { usePickHandlers } from '../picking/usePickHandlers.ts'
import { publishTreatmentRemovals } from '../visibility/treatmentRemovals.ts'
import { usePickStore } from '../../state/pickStore.ts'
import { attachToFemur, setTreatmentFemurPose } from '../model/femurPose.ts'
import { FEMUR_NODES } from '../model/femurShift.ts'
import type { MeshBasicMaterial, Object3D } from 'three'
import { requestAnimationFrameAfterWarmUp } from '../three/programWarmUp.ts'
import { TREATMENT_FRAME_PRIORITY } from '../framePriorities.ts'

// Readied from this chunk once the hip is drawn (./TreatmentWarmUp.tsx).
export { warmTreatmentPrograms } from './warmPrograms.ts'
export { readyLesionVolumes } from './warmPlans.ts'

export default function TreatmentLayer() {
  const model = useModelStore((s) => s.model)
  const procedure = useViewStore((s) => s.procedure)
  const variant = useViewStore((s) => s.variant)
  const step = useViewStore((s) => s.step)
  const lesionSize = useViewStore((s) => s.lesionSize)
  const lesionType = useViewStore((s) => s.lesionType)
  const stage = useViewStore((s) => s.stage)
  const skipOptional = usePlayerStore((s) => s.skipOptional)
  const invalidate = useThree((s) => s.invalidate)

  const landmarks = useMemo(() => {
    const parsed = model ? parseLandmarks(model.extras.landmarks) : null
    return parsed?.ok ? parsed.value : null
  }, [model])

  // The plan depends on the hip, the lesion and the collapse of the stage, never on time. It is
  // made off the page's thread (./useTreatmentPlan.ts): the tools come a moment after the panel.
  const collapseDepthMm = stageValue('collapseDepthMm', stage)
  const planInput: PlanInput | null = useMemo(() => {
    if (!procedure || !landmarks || !hasTimeline(procedure, variant)) return null
    const lesion = lesionGeometry({ size: lesionSize, type: lesionType }, lesionAnatomyOf(landmarks))
    return { procedure, variant, landmarks, lesion, collapseDepthMm }
  }, [procedure, variant, landmarks, lesionSize, lesionType, collapseDepthMm])
  const plan = useTreatmentPlan(planInput)

  const steps: readonly StepRef[] = useMemo(
    () => (procedure ? treatmentSteps(procedure, variant).map((s) => ({ id: s.id, skipped: skipOptional && s.optional === true })) : []),
    [procedure, variant, skipOptional],
  )

  // A step chosen by the player frames itself and, where it needs one, cuts along the tool (on
  // the hip's side: the plan is a right hip's, the cut is kept as it lies in the view).
  useEffect(() => {
    if (!plan) return
    return setTreatmentStaging({
      procedure: plan.procedure,
      variant: plan.variant,
      section: (stepIndex) => {
        const id = steps[stepIndex]?.id
        return id ? stepSection(plan, id, useViewStore.getState().side) : null
      },
    })
  }, [plan, steps])

  const side = useViewStore((s) => s.side)
  // Choosing the other hip while a step's cut along the tool is shown: the cut goes to the tool on
  // that side, in the same history entry as the choice (a free plane is not mirrored with the hip).
  const sideBefore = useRef(side)
  useEffect(() => {
    const was = sideBefore.current
    sideBefore.current = side
    const id = plan && was !== side ? steps[step]?.id : undefined
    if (!plan || !id) return
    const before = stepSection(plan, id, was)
    const { section, apply } = useViewStore.getState()
    if (before && JSON.stringify(section) === JSON.stringify(before)) apply({ section: stepSection(plan, id, side) }, { kind: 'replace' })
  }, [side, plan, steps, step])

  // What the camera and the model need of this step (state/treatmentView.ts), and nothing once closed.
  // A step with a second framing (the marrow harvest at the back of the pelvis) shows it while
  // its time is in that part: published when the time crosses over, not every frame.
  useEffect(() => {
    if (!procedure) return
    const focus = stepFocus(procedure, variant, step)
    const own = {
      framing: landmarks ? focusFraming(focus, landmarks, plan ? waitingGraft(plan) : []) : null,
      framingKey: landmarks ? focus : '',
      movedAside: hiddenByTreatment(procedure, variant, step),
      seenThrough: seenThroughByTreatment(procedure, variant, step),
      direction: null,
      fluoroscopy: underFluoroscopy(procedure, variant, steps[step]?.id),
      fluoroscopyStep: fluoroscopyStepAhead(steps.map((s) => underFluoroscopy(procedure, variant, s.id)), step),
    }
    const id = steps[step]
    const lead = plan && id && !id.skipped ? leadFraming(plan, id.id) : null
    let leading: boolean | null = null
    const publish = (t: number) => {
      const now = lead !== null && t < lead.until
      if (now === leading) return
      leading = now
      useTreatmentView.setState(now ? { ...own, framing: lead.framing, framingKey: lead.key, direction: lead.direction } : own)
    }
    publish(clockT())
    return lead ? onClockChange(publish) : undefined
  }, [procedure, variant, step, landmarks, plan, steps])
  useEffect(() => () => useTreatmentView.setState(NO_TREATMENT_VIEW), [])

  // A new step, plan or skip choice: draw it (the clock's driver asks for frames while it plays).
  useEffect(() => invalidate(), [plan, steps, step, invalidate])

  // The tools and pieces live in the model's own frame, mirrored with it for a left hip, but
  // outside the model's scene: the cut clips the bone and the graft in it, not the tool lying in
  // the tunnel it shows (domain/treatment/pieceSection.ts).
  const objects = useMemo(() => new TreatmentObjectSet(), [])
  useEffect(() => () => objects.dispose(), [objects])
  useEffect(() => {
    if (model && objects.setSectionPlane(sectionPlaneOf(model.scene))) invalidate()
  }, [model, objects, invalidate])
  // While a treatment is open, a tool's model outlives its pass (./modelCache.ts): a replayed step
  // builds nothing. Closing it (or a new plan) lets them go.
  useEffect(() => (plan ? holdModels() : undefined), [plan])
  // The tools and implants that work on the femur move with it (../model/femurPose.ts).
  useEffect(() => attachToFemur(objects.femurRoot, objects.root), [objects])
  // So does the femur itself, whether or not the disease layer (which moves it at stage IV) is
  // there: at stage 0 with the blood flow still it is not, and the dislocation moved nothing.
  useEffect(() => {
    if (!model) return
    const detach = FEMUR_NODES.map((id) => model.nodes[id]).filter((n): n is Object3D => !!n).map((node) => attachToFemur(node, model.scene))
    return () => {
      for (const d of detach) d()
    }
  }, [model])
  // The Lewinnek safe zone about the cup's centre, in clinical mode at the cup's step (patients see none).
  const mode = useViewStore((s) => s.mode)
  const cupStep = steps[step]?.id === 'cup' && procedure === 'total-hip-replacement'
  useEffect(() => {
    const shell = plan?.thr?.thr.shell
    if (!shell || !cupStep || mode !== 'clinician') return
    const mesh = buildSafeZoneMesh(lewinnekCone(shell.centre, shell.outerDiameter))
    objects.root.add(mesh)
    invalidate()
    return () => {
      mesh.removeFromParent()
      mesh.geometry.dispose()
      ;(mesh.material as MeshBasicMaterial).dispose()
      invalidate()
    }
  }, [plan, cupStep, mode, objects, invalidate])
  // Bone taken out and laid aside (the resected head, cut open), drawn from the model's own bone.
  const removedBone = useMemo(() => new RemovedBone(), [])
  useEffect(() => {
    objects.root.add(removedBone.group)
    return () => removedBone.dispose()
  }, [objects, removedBone])

  // Closing (unmount) or leaving the timeline's treatments puts the file's femur back, and the
  // labels and picking see the whole bone again; a tool's name tag goes with its tool.
  useEffect(
    () => () => {
      showBoneRemovals([])
      prefetchBoneRemovals([])
      publishTreatmentRemovals([])
      setTreatmentFemurPose(null)
      usePickStore.getState().setPickedObject(null)
    },
    [],
  )
  // The tools and grafts are picked like the hip's structures, by the same rule.
  const handlers = usePickHandlers()

  // The cuts this step and the next one will ask for, computed ahead, and the models of their
  // tools and pieces built ahead (./modelCache.ts), so no new tool is built in a frame. Worked
  // out in a task of its own (about 20 ms of timeline), not in the step change's commit.
  useEffect(() => {
    if (!plan) return
    let cancelModels = () => {}
    const cancel = inOwnTask(() => {
      const models: ModelRecipe[] = []
      const removals: (readonly BoneRemoval[])[] = []
      for (const index of [step, step + 1]) {
        if (index >= steps.length) continue
        for (let k = 0; k <= REMOVAL_INCREMENTS; k++) {
          const ahead = frameAt(plan, steps, index, k / REMOVAL_INCREMENTS)
          removals.push(ahead.removals)
          for (const piece of ahead.pieces) if (piece.boneOut) removedBone.prefetch(piece)
        }
        models.push(...stepRecipes(plan, steps, index))
      }
      prefetchBoneRemovals(removals)
      cancelModels = buildModelsAhead(models)
    })
    return () => {
      cancel()
      cancelModels()
    }
  }, [plan, steps, step, removedBone])

  const last = useRef({ t: Number.NaN, plan: null as TreatmentPlan | null, steps: null as readonly StepRef[] | null, step: -1 })
  // Asked for from within a frame: through the warm-up, which may hold it for the GPU (../three/programWarmUp.ts).
  const nextFrame = () => requestAnimationFrameAfterWarmUp(invalidate)
  useFrame(() => {
    // The removed bone's cut faces wait for the disease layer, which may come without a new frame of the treatment.
    if (removedBone.paintIfReady()) nextFrame()
    const moment = treatmentMoment()
    const seen = last.current
    if (seen.t === moment.t && seen.plan === plan && seen.steps === steps && seen.step === step) return
    seen.t = moment.t
    seen.plan = plan
    seen.steps = steps
    seen.step = step
    if (!plan) {
      objects.sync([], [])
      removedBone.show(null)
      setTreatmentFemurPose(null)
      showBoneRemovals([], true)
      publishTreatmentRemovals([])
      return
    }
    // Drawn in this very frame: this runs before everything else that reads it (the labels, the
    // disease layer, the cut), and before the render. A second frame for it cost 0.3–0.9 s per
    // step with software WebGL. So is a cut computed ahead (one still coming asks for its frame).
    const frame = frameAt(plan, steps, step, moment.t)
    setTreatmentFemurPose(frame.femur ?? null)
    objects.sync(frame.instruments, frame.pieces)
    removedBone.show(frame.pieces.find((p) => p.boneOut) ?? null)
    showBoneRemovals(frame.removals, true)
    publishTreatmentRemovals(frame.removals)
  }, TREATMENT_FRAME_PRIORITY)
  return (
    <group scale={[side === 'left' ? -1 : 1, 1, 1]} {...handlers}>
      <primitive object={objects.root} />
    </group>
  )
}
