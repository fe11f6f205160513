/**
 * The view state as the API hands it out: a deep copy, frozen. getState() and subscribe
 * callbacks used to return the store's own arrays, so `getState().hidden.push('<b>…')` changed
 * the store behind validation and reached the link. A copy cannot; freezing makes a caller's
 * mistake visible (a TypeError in strict code) instead of silently doing nothing.
 */
import type { ViewState } from '../domain/viewState.ts'
import { getViewState } from '../state/viewStore.ts'

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

export function stateSnapshot(): ViewState {
  return deepFreeze(structuredClone(getViewState()))
}
