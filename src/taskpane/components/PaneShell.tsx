import { FluentProvider, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { KOREAN_FONT_STACK } from './styles';

const theme: Theme = { ...webLightTheme, fontFamilyBase: KOREAN_FONT_STACK };

// The page's own body rules go through Griffel like every other style: the pages' CSP refuses
// inline <style> text (src/config/csp.ts).
const usePageStyles = makeStaticStyles({ body: { margin: 0, fontFamily: KOREAN_FONT_STACK } });

export function PaneShell({ children }: { children: ReactNode }) {
  usePageStyles();
  return (
    <FluentProvider theme={theme} style={{ padding: '12px', minHeight: '100vh', boxSizing: 'border-box' }}>
      {children}
    </FluentProvider>
  );
}
