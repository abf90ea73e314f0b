import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../strings';
import type { Lang } from '../view/language';

const useStyles = makeStyles({
  main: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** Shown when the page is opened outside Excel: both languages, since Office cannot tell us which. */
export function NoHost({ lang }: { lang: Lang }) {
  const styles = useStyles();
  const other: Lang = lang === 'ko' ? 'en' : 'ko';
  return (
    <main className={styles.main} data-status="no-host">
      <h1 className={styles.title}>
        {strings.title[lang]} / {strings.title[other]}
      </h1>
      {[lang, other].map((l) => (
        <MessageBar key={l} intent="warning" layout="multiline" lang={l}>
          <MessageBarBody>
            <MessageBarTitle>{strings.noHostTitle[l]}</MessageBarTitle>
            <p>{strings.noHostBody[l]}</p>
            <p>{strings.noHostPreview[l]}</p>
          </MessageBarBody>
        </MessageBar>
      ))}
    </main>
  );
}
