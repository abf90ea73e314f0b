// The delegated permissions the add-in and the CLI may ask for, as data: an exact allowlist, least
// privilege. A scope is accepted only if it is one of these strings exactly (no trimming, no case
// folding), so `Sites.ReadWrite.All ` with a trailing space is refused like `Sites.ReadWrite.All`.
// Adding a permission is one line below (and one in the Entra app registration, docs/sharepoint.md §1).

/** Microsoft Graph delegated permissions, by name. */
export const GRAPH_PERMISSIONS: readonly string[] = [
  // The two lists and the document library of the one site the app was granted (default).
  'Sites.Selected',
  // The two lists only, where the workbook file is not uploaded.
  'Lists.SelectedOperations.Selected',
  // The signed-in officer's own basic profile: the permission every Graph app registration starts
  // with; harmless, though the add-in's own calls do not need it.
  'User.Read',
];

/** The resource Microsoft Graph's permission names belong to. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com/';

/** OpenID Connect scopes MSAL adds to every sign-in itself; harmless when a file names them too. */
export const OIDC_SCOPES: readonly string[] = ['openid', 'profile', 'offline_access'];

/** Every accepted string: each Graph permission bare (`Sites.Selected`) or qualified, and the OIDC scopes. */
export const ALLOWED_SCOPES: ReadonlySet<string> = new Set([
  ...GRAPH_PERMISSIONS,
  ...GRAPH_PERMISSIONS.map((p) => GRAPH_RESOURCE + p),
  ...OIDC_SCOPES,
]);

/** Scopes that would reach beyond the one site: said as such in the refusal. */
export function tenantWide(scope: string): boolean {
  const name = scope.trim().replace(/^https:\/\/graph\.microsoft\.com\//i, '');
  return name === '.default' || /\.All$/i.test(name);
}
