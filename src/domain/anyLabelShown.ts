/**
 * Whether the 3D view shows any label at all, answered without the label lists and the staging
 * table behind the disease tags (the page asks at first paint, to decide whether to load the
 * label layer; those modules weigh ≈ 4 KB gzip of the first download): the landmark labels when
 * the user turns them on, and from the first sign of disease at least the socket's tag, which
 * ./lesion/diseaseTagRules.ts shows at every stage past 0, and the tag of a core laid on its tray
 * while a treatment that lays one is open (./treatment/trayTag.ts). A unit test holds that it is
 * true wherever `labelsShown(view)` lists a label, and false elsewhere but for a treatment open
 * before the disease shows (tests/unit/labels-shown.test.ts).
 */
import type { ViewState } from './viewState.ts'

export function anyLabelShown(view: Pick<ViewState, 'labels' | 'stage' | 'procedure'>): boolean {
  // Any open treatment: which ones lay a core on a tray is not worth its bytes here (loading the
  // layer for a treatment without one costs a chunk that then draws nothing).
  return view.labels || view.stage > 0 || view.procedure !== null
}
