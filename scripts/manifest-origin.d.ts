export const DEV_ORIGIN: string;
export const PLACEHOLDER_ORIGIN: string;
export function normaliseOrigin(origin: string): string;
export function rewriteManifestOrigin(xml: string, origin: string): string;
