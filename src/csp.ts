/**
 * Content-Security-Policy of the built app (see docs in README, "Security").
 * - scripts only from our origin; 'wasm-unsafe-eval' for the meshopt decoder (inline wasm);
 * - inline styles are allowed because leva (the expert panel) injects a <style> element;
 * - no external origin anywhere; frame-ancestors is left out: it is ignored in a meta tag,
 *   and embedding the viewer in a patient portal is a feature.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')
