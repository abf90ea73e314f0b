// Part names inside the package (OPC): a part's relationships part and where a relationship points.
// No Node API: the pane uses them too.
/** Folder of a part name ('xl/workbook.xml' → 'xl/'). */
function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** The relationships part of a part ('xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'). */
export function relsPathOf(path: string): string {
  return `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;
}

/** A relationship target, resolved against the part that holds the relationship. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A bad escape is kept as written.
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : folderOf(source) + decoded;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}
