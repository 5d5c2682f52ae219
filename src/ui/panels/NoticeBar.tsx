import type { Notice } from '../state/startup';
import { FORMAT_LABEL } from '../state/rule-import';

export interface NoticeBarProps {
  readonly notice: Notice | undefined;
  readonly canRestore: boolean;
  readonly onRestore: () => void;
  readonly onDismiss: () => void;
  readonly onImport: () => void;
}

export function NoticeBar({ notice, canRestore, onRestore, onDismiss, onImport }: NoticeBarProps) {
  if (!notice) return null;
  let body;
  let tone = 'info';
  switch (notice.kind) {
    case 'shared':
      body = canRestore ? (
        <>
          Opened a shared link. Your previous draft is kept:{' '}
          <button type="button" className="link" onClick={onRestore} data-testid="restore-draft">
            restore my draft
          </button>
        </>
      ) : (
        <>Opened a shared link.</>
      );
      break;
    case 'broken-link':
      tone = 'error';
      body = (
        <>
          <strong>This share link could not be opened.</strong> {notice.message} Your draft is unchanged.
          <span className="notice-code"> {notice.code}</span>
        </>
      );
      break;
    case 'draft-restored':
      body = <>Your draft is back.</>;
      break;
    case 'import-offer':
      tone = 'offer';
      body = (
        <>
          The rule editor holds a {FORMAT_LABEL[notice.format]}
          {notice.name ? (
            <>
              {' '}
              (<strong>{notice.name}</strong>)
            </>
          ) : null}
          . Import it to evaluate its query and apply its settings.{' '}
          <button type="button" className="primary" onClick={onImport} data-testid="import-rule">
            Import
          </button>
        </>
      );
      break;
    case 'imported':
      body = (
        <span data-testid="import-result">
          Imported <strong>{notice.name}</strong> from a {FORMAT_LABEL[notice.format]}.{' '}
          {notice.changes.length > 0 ? (
            <>Settings applied from the rule: {notice.changes.join(', ')}.</>
          ) : (
            <>The rule overrides no request settings.</>
          )}
        </span>
      );
      break;
    case 'import-failed':
      tone = 'error';
      body = <>{notice.message}</>;
      break;
    default: {
      const never: never = notice;
      body = never;
    }
  }
  return (
    <div
      className={`notice notice-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      data-kind={notice.kind}
    >
      <span className="notice-body">{body}</span>
      <button type="button" className="icon" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
