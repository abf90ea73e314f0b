/* global module, URL */
// The development manifest names https://localhost:3000 everywhere; a deployment names its own
// https origin. One function does the rewrite so webpack and the manifest tests agree on it.
'use strict';

const DEV_ORIGIN = 'https://localhost:3000';
/** Used when ADDIN_ORIGIN is unset: a reserved name (RFC 2606) that cannot be mistaken for a real host. */
const PLACEHOLDER_ORIGIN = 'https://delib-addin.example.org';

function normaliseOrigin(origin) {
  const url = new URL(origin);
  if (url.protocol !== 'https:') throw new Error(`ADDIN_ORIGIN must be an https origin, got ${origin}`);
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`ADDIN_ORIGIN must be an origin without a path, got ${origin}`);
  }
  return url.origin;
}

function rewriteManifestOrigin(xml, origin) {
  const target = normaliseOrigin(origin);
  return xml.split(DEV_ORIGIN).join(target);
}

module.exports = { DEV_ORIGIN, PLACEHOLDER_ORIGIN, normaliseOrigin, rewriteManifestOrigin };
