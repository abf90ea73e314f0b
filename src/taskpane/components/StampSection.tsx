import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PaneState } from '../../session/state';
import { strings } from '../strings';
import type { Lang } from '../view/language';
import { markGate, stampView } from '../view/stamp';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  reason: { margin: 0, fontSize: tokens.fontSizeBase200 },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface StampSectionProps {
  state: PaneState;
  lang: Lang;
  busy: boolean;
  onMark(): void;
}

export function StampSection({ state, lang, busy, onMark }: StampSectionProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const view = stampView(state.stamp, lang);
  const gate = markGate(state);
  return (
    <section className={section.section} aria-labelledby="stamp-heading">
      <h2 id="stamp-heading" className={section.heading}>
        {strings.stamp[lang]}
      </h2>
      <MessageBar
        layout="multiline"
        intent={view.tone === 'informative' ? 'info' : view.tone}
        data-stamp={state.stamp.status}
      >
        <MessageBarBody>
          <MessageBarTitle>{view.headline}</MessageBarTitle>
          {view.details && <div data-testid="stamp-claims">{view.details}</div>}
          {view.data && <div data-testid="stamp-data">{view.data}</div>}
          {view.problems.length > 0 && (
            <ul className={styles.problems} data-testid="stamp-problems">
              {view.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
      <div>
        {/* disabledFocusable keeps the button reachable so a screen reader can hear why it is off. */}
        <Button
          appearance="primary"
          disabledFocusable={!gate.enabled || busy}
          aria-describedby="mark-reason"
          onClick={onMark}
        >
          {strings.markValidated[lang]}
        </Button>
      </div>
      <p id="mark-reason" className={styles.reason}>
        {gate.reason[lang]}
      </p>
    </section>
  );
}
