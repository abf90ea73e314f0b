// Each page's Content-Security-Policy, from the configuration it is built with: scripts only from the
// add-in's own origin and Microsoft's Office.js CDN, connections only to the configured Graph root,
// the SharePoint host (upload sessions), the sign-in host and the pane's own origin; no eval, no
// inline script. webpack.config.js writes it as the first element of every page's <head> (a <meta>,
// so any static host serves it; frame-ancestors cannot be set there and is left to Office).
import type { DelibConfig } from './index';

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com';
export const SIGN_IN_HOST = 'https://login.microsoftonline.com';

/**
 * The SHA-256 of the empty string: allows `<style>` elements with no text and nothing else. Fluent UI
 * (Griffel, and FluentProvider's theme variables) inserts empty <style> elements and fills them
 * through the CSSOM (insertRule), which style-src does not govern; inline style text stays refused.
 */
export const EMPTY_STYLE_ELEMENT = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export type PageName = 'taskpane' | 'commands' | 'auth-dialog' | 'help' | 'preview';

export interface CspOptions {
  config: DelibConfig;
  /**
   * Builds for the local Graph stand-in (the preview, `npm start`, the e2e tests): any port on this
   * computer, for the stand-in and the dev server's live reload. Never in the production build.
   */
  loopback: boolean;
}

const LOOPBACK = ['http://127.0.0.1:*', 'http://localhost:*', 'ws://localhost:*', 'wss://localhost:*'];

const origin = (url: string): string => new URL(url).origin;

function directives(page: PageName, { config, loopback }: CspOptions): Record<string, string[]> {
  const local = loopback ? LOOPBACK : [];
  const office = [OFFICE_JS_CDN];
  const pane = {
    'script-src': ["'self'", OFFICE_JS_CDN],
    'style-src': ["'self'", EMPTY_STYLE_ELEMENT],
    'img-src': ["'self'"],
    // delib.config.json ('self'), Graph, upload sessions on the SharePoint host, MSAL.
    'connect-src': [
      "'self'",
      origin(config.graphRoot),
      `https://${config.site.hostname}`,
      SIGN_IN_HOST,
      ...local,
    ],
    // Office.js's own trust prompt (AgaveErrorUX) is a frame from its CDN.
    'frame-src': office,
  };
  switch (page) {
    case 'taskpane':
      return pane;
    case 'preview':
      return { ...pane, 'script-src': ["'self'"], 'frame-src': [] };
    case 'commands':
      return { 'script-src': ["'self'", OFFICE_JS_CDN], 'connect-src': local, 'frame-src': office };
    case 'auth-dialog':
      return {
        'script-src': ["'self'", OFFICE_JS_CDN],
        // delib.config.json and MSAL's token endpoint.
        'connect-src': ["'self'", SIGN_IN_HOST, ...local],
        'frame-src': office,
      };
    case 'help':
      return { 'style-src': ["'self'"], 'img-src': ["'self'"] };
  }
}

export function contentSecurityPolicy(page: PageName, options: CspOptions): string {
  const parts = ["default-src 'none'", "base-uri 'none'", "form-action 'none'"];
  for (const [name, sources] of Object.entries(directives(page, options))) {
    if (sources.length > 0) parts.push(`${name} ${[...new Set(sources)].join(' ')}`);
  }
  return parts.join('; ');
}
