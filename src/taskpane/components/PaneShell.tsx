import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { KOREAN_FONT_STACK } from './styles';

const theme: Theme = { ...webLightTheme, fontFamilyBase: KOREAN_FONT_STACK };

export function PaneShell({ children }: { children: ReactNode }) {
  return (
    <FluentProvider theme={theme} style={{ padding: '12px', minHeight: '100vh', boxSizing: 'border-box' }}>
      {children}
    </FluentProvider>
  );
}
