import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../engine/report';
import { strings } from '../strings';
import { hasFix, isSelectable } from '../view/findings';
import { formatValue } from '../view/format';
import type { Lang } from '../view/language';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXXS,
  },
  go: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    maxWidth: '100%',
    height: 'auto',
    paddingBlock: tokens.spacingVerticalXS,
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
  cell: {
    fontWeight: tokens.fontWeightSemibold,
    marginInlineEnd: tokens.spacingHorizontalS,
    whiteSpace: 'nowrap',
  },
  text: { overflowWrap: 'anywhere', paddingInline: tokens.spacingHorizontalS },
});

export interface FindingItemProps {
  finding: Finding;
  lang: Lang;
  onSelect(f: Finding): void;
  onFix(f: Finding): void;
}

export function FindingItem({ finding, lang, onSelect, onFix }: FindingItemProps) {
  const styles = useStyles();
  const message = finding.message[lang];
  const place = finding.cell ?? '';
  const fix = hasFix(finding) ? formatValue(finding.fix) : null;
  return (
    <li className={styles.item} data-code={finding.code} data-cell={place}>
      {isSelectable(finding) ? (
        <Button appearance="subtle" className={styles.go} onClick={() => onSelect(finding)}>
          {place && <span className={styles.cell}>{place}</span>}
          <span>{message}</span>
        </Button>
      ) : (
        <span className={styles.text}>{message}</span>
      )}
      {fix !== null && (
        <Button
          size="small"
          appearance="outline"
          onClick={() => onFix(finding)}
          aria-label={strings.fixAria(place, fix)[lang]}
        >
          {strings.fix(fix)[lang]}
        </Button>
      )}
    </li>
  );
}
