// Reads the facts the manifest tests check out of manifest.xml. Office enforces these rules when it
// loads the add-in, but the XSD cannot express them, so a broken manifest would otherwise only be
// discovered in Excel.
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';

export const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

export interface ResourceString {
  id: string;
  kind: 'short' | 'long';
  values: string[];
}

export interface ManifestFacts {
  root: XmlElement;
  id: string;
  /** resid attribute values in the order they appear. */
  resids: string[];
  resources: { images: Map<string, string>; urls: Map<string, string>; strings: ResourceString[] };
  /** Every URL the manifest names: attribute values and AppDomain texts. */
  urls: { where: string; url: string }[];
  /** Icon uses: declared size → resource id or literal URL. */
  iconUses: { size: number; url: string; where: string }[];
  controlIds: string[];
  groups: { id: string; controls: number }[];
  customTabs: string[];
  functionNames: string[];
}

function elements(node: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement) => {
    out.push(n);
    for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) walk(c as XmlElement);
  };
  walk(node);
  return out;
}

const URL_ELEMENTS = new Set([
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'SourceLocation',
  'Image',
  'Url',
]);

export function readManifest(xml: string): ManifestFacts {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => level !== 'warning' && errors.push(msg),
  }).parseFromString(xml, 'text/xml');
  if (errors.length) throw new Error(`manifest.xml is not well-formed: ${errors.join('; ')}`);
  const root = doc.documentElement as unknown as XmlElement;
  const all = elements(root);
  const byName = (name: string) => all.filter((e) => e.localName === name);

  const images = new Map<string, string>();
  const urls = new Map<string, string>();
  const strings: ResourceString[] = [];
  for (const e of all) {
    if (e.namespaceURI !== BT || !e.getAttribute('id')) continue;
    const parent = (e.parentNode as XmlElement | null)?.localName;
    const id = e.getAttribute('id') as string;
    const value = e.getAttribute('DefaultValue') ?? '';
    if (parent === 'Images') images.set(id, value);
    else if (parent === 'Urls') urls.set(id, value);
    else if (parent === 'ShortStrings' || parent === 'LongStrings') {
      const overrides = elements(e)
        .filter((o) => o.localName === 'Override')
        .map((o) => o.getAttribute('Value') ?? '');
      strings.push({ id, kind: parent === 'ShortStrings' ? 'short' : 'long', values: [value, ...overrides] });
    }
  }

  const foundUrls: ManifestFacts['urls'] = [];
  for (const e of all) {
    if (URL_ELEMENTS.has(e.localName ?? '')) {
      for (const attr of ['DefaultValue', 'Value']) {
        const v = e.getAttribute(attr);
        if (v) foundUrls.push({ where: `${e.localName} ${e.getAttribute('id') ?? ''}`.trim(), url: v });
      }
      for (const o of elements(e).filter((x) => x !== e && x.localName === 'Override')) {
        const v = o.getAttribute('Value');
        if (v) foundUrls.push({ where: `${e.localName} override`, url: v });
      }
    }
    if (e.localName === 'AppDomain')
      foundUrls.push({ where: 'AppDomain', url: (e.textContent ?? '').trim() });
  }

  const iconUses: ManifestFacts['iconUses'] = [];
  for (const e of byName('Image')) {
    const size = e.getAttribute('size');
    const resid = e.getAttribute('resid');
    if (size && resid)
      iconUses.push({ size: Number(size), url: images.get(resid) ?? '', where: `resid ${resid}` });
  }
  const icon = byName('IconUrl')[0]?.getAttribute('DefaultValue');
  if (icon) iconUses.push({ size: 32, url: icon, where: 'IconUrl' });
  const highRes = byName('HighResolutionIconUrl')[0]?.getAttribute('DefaultValue');
  if (highRes) iconUses.push({ size: 64, url: highRes, where: 'HighResolutionIconUrl' });

  return {
    root,
    id: (byName('Id')[0]?.textContent ?? '').trim(),
    resids: all.map((e) => e.getAttribute('resid')).filter((r): r is string => r !== null && r !== ''),
    resources: { images, urls, strings },
    urls: foundUrls,
    iconUses,
    controlIds: [...byName('Control'), ...byName('Group'), ...byName('CustomTab')].map(
      (e) => e.getAttribute('id') ?? '',
    ),
    groups: byName('Group').map((g) => ({
      id: g.getAttribute('id') ?? '',
      controls: elements(g).filter((c) => c.parentNode === g && c.localName === 'Control').length,
    })),
    customTabs: byName('CustomTab').map((e) => e.getAttribute('id') ?? ''),
    functionNames: byName('FunctionName').map((e) => (e.textContent ?? '').trim()),
  };
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(signature) ||
    bytes.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    throw new Error('not a PNG file');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
