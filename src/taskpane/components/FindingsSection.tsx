import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useDeferredValue, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Finding } from '../../engine/report';
import type { Severity } from '../../standard/types';
import { strings } from '../strings';
import { filterFindings, groupFindings, isImeComposing, isSelectable } from '../view/findings';
import type { RowGroup } from '../view/findings';
import { formatCount } from '../view/format';
import type { Lang } from '../view/language';
import { FindingItem } from './FindingItem';
import { useSectionStyles } from './styles';

/** Row groups rendered per severity before "show more": a 10,000-row paste must not freeze the pane. */
const PAGE = 50;

const badgeColor: Record<Severity, 'danger' | 'important' | 'informative'> = {
  error: 'danger',
  warning: 'important',
  info: 'informative',
};

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  rowGroup: {
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorNeutralStroke1,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  rowLabel: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  header: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  more: { alignSelf: 'flex-start', marginBlockStart: tokens.spacingVerticalS },
});

function rowLabel(group: RowGroup, lang: Lang): string {
  if (group.sheet === null) return strings.workbookLevel[lang];
  if (group.row === null) return strings.sheetLevel(group.sheet)[lang];
  return strings.rowLabel(group.sheet, group.row)[lang];
}

export interface FindingsSectionProps {
  findings: readonly Finding[] | null;
  lang: Lang;
  onSelect(f: Finding): void;
  onFix(f: Finding): void;
}

export function FindingsSection({ findings, lang, onSelect, onFix }: FindingsSectionProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  // Typing in the filter stays responsive while thousands of findings re-filter behind it.
  const deferredQuery = useDeferredValue(query);
  const [shown, setShown] = useState<Record<Severity, number>>({ error: PAGE, warning: PAGE, info: PAGE });
  const all = useMemo(() => findings ?? [], [findings]);
  const filtered = useMemo(() => filterFindings(all, deferredQuery, lang), [all, deferredQuery, lang]);
  const groups = useMemo(() => groupFindings(filtered), [filtered]);
  const visibleGroups = groups.filter((g) => g.count > 0);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      setQuery('');
      return;
    }
    if (event.key !== 'Enter' || isImeComposing(event)) return;
    event.preventDefault();
    const first = filterFindings(all, query, lang).find(isSelectable);
    if (first) onSelect(first);
  };

  return (
    <section className={section.section} aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={section.heading}>
        {strings.findings[lang]}
      </h2>
      <Field
        label={strings.filterLabel[lang]}
        hint={strings.filterCount(formatCount(filtered.length, lang), formatCount(all.length, lang))[lang]}
      >
        <Input
          type="search"
          value={query}
          placeholder={strings.filterPlaceholder[lang]}
          onChange={(_, data) => setQuery(data.value)}
          onKeyDown={onKeyDown}
        />
      </Field>
      {findings !== null && all.length === 0 && <p>{strings.noFindings[lang]}</p>}
      {all.length > 0 && filtered.length === 0 && <p>{strings.noMatches[lang]}</p>}
      {visibleGroups.length > 0 && (
        <Accordion multiple collapsible defaultOpenItems={['error', 'warning']}>
          {visibleGroups.map((group) => {
            const limit = shown[group.severity];
            const rest = group.rows.length - limit;
            return (
              <AccordionItem key={group.severity} value={group.severity} data-severity={group.severity}>
                <AccordionHeader as="h3">
                  <span className={styles.header}>
                    <span>
                      {strings.severity[group.severity][lang]} · {strings.severityHint[group.severity][lang]}
                    </span>
                    <CounterBadge
                      count={group.count}
                      overflowCount={99999}
                      color={badgeColor[group.severity]}
                      aria-label={strings.findingsCount(formatCount(group.count, lang))[lang]}
                    />
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list} aria-label={strings.severity[group.severity][lang]}>
                    {group.rows.slice(0, limit).map((row) => (
                      <li key={row.key} className={styles.rowGroup}>
                        <p className={styles.rowLabel}>
                          {rowLabel(row, lang)} ({formatCount(row.findings.length, lang)})
                        </p>
                        <ul className={styles.list}>
                          {row.findings.map((f, i) => (
                            <FindingItem
                              key={`${f.code}:${f.cell ?? ''}:${i}`}
                              finding={f}
                              lang={lang}
                              onSelect={onSelect}
                              onFix={onFix}
                            />
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                  {rest > 0 && (
                    <Button
                      appearance="transparent"
                      className={styles.more}
                      onClick={() =>
                        setShown((s) => ({ ...s, [group.severity]: s[group.severity] + PAGE * 2 }))
                      }
                    >
                      {strings.showMore(formatCount(Math.min(rest, PAGE * 2), lang))[lang]}
                    </Button>
                  )}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </section>
  );
}
