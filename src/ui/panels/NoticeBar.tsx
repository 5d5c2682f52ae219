import type { Notice } from '../state/startup';

export interface NoticeBarProps {
  readonly notice: Notice | undefined;
  readonly canRestore: boolean;
  readonly onRestore: () => void;
  readonly onDismiss: () => void;
}

export function NoticeBar({ notice, canRestore, onRestore, onDismiss }: NoticeBarProps) {
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
    default: {
      const never: never = notice;
      body = never;
    }
  }
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid="notice" data-kind={notice.kind}>
      <span className="notice-body">{body}</span>
      <button type="button" className="icon" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
