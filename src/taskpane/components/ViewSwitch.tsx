// The link between the pane's two views — the district workbook checks and the city desk (시 집계) —
// at the foot of each. The desk checks who may use it when it opens (the register's city officers,
// or everyone where the deployment says so), so the link itself reveals nothing.
import { Link, tokens } from '@fluentui/react-components';
import type { Text } from '../../standard/types';
import type { Lang } from '../view/language';

export type PaneView = 'district' | 'desk';

/** The pane's page opened on a view: the same page, so the ribbon's entry and this link agree. */
export function openView(view: PaneView): void {
  const url = new URL(location.href);
  url.searchParams.set('view', view);
  location.assign(url.toString());
}

export function ViewSwitch({ label, lang, onOpen }: { label: Text; lang: Lang; onOpen: () => void }) {
  return (
    <footer style={{ paddingBlock: tokens.spacingVerticalM, fontSize: tokens.fontSizeBase200 }}>
      <Link as="button" onClick={onOpen}>
        {label[lang]}
      </Link>
    </footer>
  );
}
