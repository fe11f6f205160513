/** The bar over the view: title, audience mode, hip side, the guided tours, and the actions (save, handout, present). */
import { useState } from 'react'
import { useViewStore } from '../state/viewStore.ts'
import { fullscreenSupported, isFullscreen, toggleFullscreen } from './fullscreen.ts'
import { lazyPart } from './LazyPart.tsx'
import { useNo3d, useStatusStore } from '../state/statusStore.ts'
import { ToursMenu } from './tours/ToursMenu.tsx'
import { useScrollCue } from './useScrollCue.ts'

// leva weighs ~70 KB gzip and needs inline styles: load it only when an expert opens it.
const ExpertPanel = lazyPart('expert', 'The expert panel', () => import('./ExpertPanel.tsx'), { placement: 'notice' })

function reportMissingPart(id: 'save-image' | 'handout', what: string): void {
  useStatusStore.getState().showNotice({ id, text: `${what}: part of the app did not download. Check the connection and try again.` })
}

export function TopBar({ onAbout }: { onAbout: () => void }) {
  const mode = useViewStore((s) => s.mode)
  const side = useViewStore((s) => s.side)
  const setMode = useViewStore((s) => s.setMode)
  const setSide = useViewStore((s) => s.setSide)
  const setPresent = useViewStore((s) => s.setPresent)
  const [expert, setExpert] = useState(false)
  // Saving an image or making a handout: one capture at a time.
  const [busy, setBusy] = useState(false)
  const no3d = useNo3d()
  const actionsCue = useScrollCue()

  return (
    <header className="topbar">
      <h1 className="brand">
        Hip AVN Explorer <span className="brand-sub">osteonecrosis of the femoral head</span>
      </h1>
      {/* Named in full where the short labels show (phones, laptops: styles.css). */}
      <div className="segmented" role="group" aria-label="Explain for">
        <button type="button" data-testid="mode-patient" aria-label="For patients" aria-pressed={mode === 'patient'} onClick={() => setMode('patient')}>
          <span className="label-long">For patients</span>
          <span className="label-short">Patients</span>
        </button>
        <button type="button" data-testid="mode-clinician" aria-pressed={mode === 'clinician'} onClick={() => setMode('clinician')}>
          Clinical
        </button>
      </div>
      <div className="segmented" role="group" aria-label="Which hip">
        <button type="button" data-testid="side-right" aria-label="Right hip" aria-pressed={side === 'right'} onClick={() => setSide('right')}>
          <span className="label-long">Right hip</span>
          <span className="label-short">Right</span>
        </button>
        <button type="button" data-testid="side-left" aria-label="Left hip" aria-pressed={side === 'left'} onClick={() => setSide('left')}>
          <span className="label-long">Left hip</span>
          <span className="label-short">Left</span>
        </button>
      </div>
      <div className="topbar-actions" ref={actionsCue}>
        <ToursMenu />
        <button
          type="button"
          data-testid="save-image"
          disabled={busy || no3d}
          title={no3d ? 'Saving an image needs the 3D view, which this browser cannot show' : undefined}
          onClick={() => {
            setBusy(true)
            // The capture code loads with the first picture saved (the first download's budget).
            void import('./saveImage.ts').then((m) => m.saveImage(), () => reportMissingPart('save-image', 'The image could not be saved')).finally(() => setBusy(false))
          }}
        >
          Save image
        </button>
        {/* Also without the 3D view: the handout then has the words without the picture. */}
        <button
          type="button"
          data-testid="print-handout"
          aria-label="Print handout"
          disabled={busy}
          title="A page for the patient to print or save as PDF: the picture, the stage and the treatment's steps in plain words, the sources"
          onClick={() => {
            setBusy(true)
            void import('./handout/printHandout.tsx').then((m) => m.printHandout(), () => reportMissingPart('handout', 'The handout could not be made')).finally(() => setBusy(false))
          }}
        >
          <span className="label-long">Print handout</span>
          <span className="label-short">Handout</span>
        </button>
        <button
          type="button"
          data-testid="present"
          title="The view over the whole screen, the caption in large type (Esc leaves)"
          onClick={() => {
            setPresent(true)
            if (!isFullscreen()) void toggleFullscreen()
          }}
        >
          Present
        </button>
        {fullscreenSupported() && (
          <button type="button" data-testid="fullscreen" title="Fullscreen (F)" onClick={() => void toggleFullscreen()}>
            Fullscreen
          </button>
        )}
        <button type="button" data-testid="open-about" aria-label="About & sources" onClick={onAbout}>
          <span className="label-long">About &amp; sources</span>
          <span className="label-short">About</span>
        </button>
        <button type="button" data-testid="open-expert" aria-pressed={expert} onClick={() => setExpert((v) => !v)}>
          Expert
        </button>
      </div>
      {expert && <ExpertPanel />}
    </header>
  )
}
