/**
 * Keeps a rendering failure inside one panel: the panel shows what went wrong and a way to try
 * again, the rest of the app goes on working, and nothing the user typed is touched (the
 * document lives outside the panels). `resetKey` changing (new results, another document)
 * clears the failure, so a panel recovers by itself once the data it choked on is gone.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** What the panel is, for the message ("the results", "the rule header"). */
  readonly label: string;
  readonly children: ReactNode;
  /** When it changes, a failed panel renders its children again. */
  readonly resetKey?: unknown;
  /** Extra actions in the fallback (e.g. download the workspace). */
  readonly actions?: ReactNode;
  readonly className?: string;
}

interface State {
  readonly error: Error | undefined;
  readonly key: unknown;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: undefined, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { key: props.resetKey, error: undefined } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for a bug report; the panel says what happened itself.
    console.error(`${this.props.label} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div
        className={`panel-failure ${this.props.className ?? ''}`}
        role="alert"
        data-testid="panel-failure"
        data-panel={this.props.label}
      >
        <strong>Could not show {this.props.label}.</strong>{' '}
        <span className="panel-failure-message">{truncate(error.message, 300)}</span>
        <div className="panel-failure-actions">
          <span>The rest of the playground still works and your work is kept.</span>{' '}
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
          {this.props.actions}
        </div>
      </div>
    );
  }
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
