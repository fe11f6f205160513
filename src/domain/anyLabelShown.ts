/**
 * Whether the 3D view shows any label at all, answered without the label lists and the staging
 * table behind the disease tags (the page asks at first paint, to decide whether to load the
 * label layer; those modules weigh ≈ 4 KB gzip of the first download): the landmark labels when
 * the user turns them on, and from the first sign of disease at least the socket's tag, which
 * ./lesion/diseaseTagRules.ts shows at every stage past 0. A unit test holds this equal to
 * `labelsShown(view).length > 0` over stages and views (tests/unit/labels-shown.test.ts).
 */
import type { ViewState } from './viewState.ts'

export function anyLabelShown(view: Pick<ViewState, 'labels' | 'stage'>): boolean {
  return view.labels || view.stage > 0
}
