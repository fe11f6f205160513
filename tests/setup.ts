// React warns "The current testing environment is not configured to support act(...)"
// unless this flag is set before the first render.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
