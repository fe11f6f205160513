/**
 * How the disease is displayed (not what the user chose about the hip, so it stays out of the
 * link): the see-through "X-ray" view that shows the lesion inside translucent bone.
 * Tiny on purpose: the page UI imports it from the first download.
 */
import { create } from 'zustand'

interface DiseaseDisplay {
  seeThrough: boolean
  setSeeThrough(on: boolean): void
}

export const useDiseaseDisplay = create<DiseaseDisplay>()((set) => ({
  seeThrough: false,
  setSeeThrough: (seeThrough) => set({ seeThrough }),
}))
