import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { strings } from '../strings';

interface State {
  failed: boolean;
}

/** The last line of defence: a rendering bug shows a message in both languages, never a blank pane. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('delib: the pane failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert">
        <p lang="ko">{strings.paneCrashed.ko}</p>
        <p lang="en">{strings.paneCrashed.en}</p>
      </div>
    );
  }
}
