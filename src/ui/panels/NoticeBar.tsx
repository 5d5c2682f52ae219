import type { ReactNode } from 'react';
import { lengthLabel } from '../state/share-size';
import type { Notice } from '../state/startup';
import { FORMAT_LABEL } from '../state/rule-import';
import { recentName } from '../state/workspaces';

/** What the notice bar's buttons do. */
export interface NoticeActions {
  /** Back to the workspace a pasted link replaced, or to earlier edits of the same link. */
  readonly restore: (which: 'previous' | 'edits') => void;
  readonly undoReset: () => void;
  readonly downloadWorkspace: () => void;
  /** Copy a link with the rule and the selected event only. */
  readonly shareRuleAndSelected?: () => void;
  /** Put a workspace deleted from Recent back; download it as stored when that fails. */
  readonly undoDelete?: (id: string) => void;
  readonly downloadDeleted?: (id: string) => void;
}

export interface NoticeBarProps {
  readonly notice: Notice | undefined;
  readonly actions: NoticeActions;
  readonly onDismiss: () => void;
  readonly onImport: () => void;
}

type Tone = 'info' | 'error' | 'offer' | 'warn';

interface Shown {
  readonly body: ReactNode;
  readonly tone: Tone;
}

function Action({ onClick, testId, children }: { onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <button type="button" className="link" onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}

function Dropped({ fields }: { fields: readonly string[] }) {
  if (fields.length === 0) return null;
  return (
    <span className="notice-dropped" data-testid="notice-dropped">
      {' '}
      Parts that did not fit were left out: {fields.join('; ')}.
    </span>
  );
}

/** How the workspace on screen came to be: a link, a copy, an unreadable one passed over. */
function openingBody(notice: Notice, a: NoticeActions): Shown | undefined {
  switch (notice.kind) {
    case 'shared':
      return {
        body: (
          <>
            Opened a shared link.
            <Dropped fields={notice.dropped} />
            {notice.previous && (
              <>
                {' '}
                Your workspace is kept in Recent:{' '}
                <Action onClick={() => a.restore('previous')} testId="restore-draft">
                  restore my draft
                </Action>
              </>
            )}
            {notice.edits && (
              <>
                {' '}
                You edited this link before; those edits are kept as their own workspace:{' '}
                <Action onClick={() => a.restore('edits')} testId="open-edits">
                  open my edits
                </Action>
              </>
            )}
          </>
        ),
        tone: notice.dropped.length > 0 ? 'warn' : 'info',
      };
    case 'broken-link':
      return {
        body: (
          <>
            <strong>This share link could not be opened.</strong> {notice.message} Your draft is unchanged.
            <span className="notice-code"> {notice.code}</span>
          </>
        ),
        tone: 'error',
      };
    case 'copy':
      return {
        body: (
          <>
            “{recentName(notice.of)}” is open in another tab, so this tab works on a copy: neither overwrites the other.
          </>
        ),
        tone: 'info',
      };
    case 'unreadable':
      return {
        body: (
          <>
            The stored workspace “{recentName(notice.of)}” cannot be read ({notice.reason}). It stays stored and listed
            in Recent.
          </>
        ),
        tone: 'warn',
      };
    case 'draft-dropped':
      return {
        body: <>Your workspace opened without some parts that did not fit: {notice.dropped.join('; ')}.</>,
        tone: 'warn',
      };
    default:
      return undefined;
  }
}

/** Saving, reset and sharing. */
function workspaceBody(notice: Notice, a: NoticeActions): Shown | undefined {
  switch (notice.kind) {
    case 'draft-restored':
      return { body: <>Your draft is back.</>, tone: 'info' };
    case 'workspace-opened':
      return { body: <>Opened “{notice.title}”.</>, tone: 'info' };
    case 'save-failed':
      return {
        body: (
          <>
            <strong>Your work is not being saved:</strong> {notice.message}. Keep it as a file:{' '}
            <button type="button" className="primary" onClick={a.downloadWorkspace} data-testid="download-workspace">
              Download workspace file
            </button>
          </>
        ),
        tone: 'error',
      };
    case 'export-failed':
      return { body: <>{notice.message}</>, tone: 'error' };
    case 'reset':
      return {
        body: (
          <>
            Reset to the example. “{recentName(notice.previous)}” is kept in Recent.{' '}
            <button type="button" className="primary" onClick={a.undoReset} data-testid="undo-reset">
              Undo
            </button>
          </>
        ),
        tone: 'info',
      };
    case 'share-size':
      return {
        body: <ShareSizeBody level={notice.level} length={notice.length} withEvent={notice.withEvent} a={a} />,
        tone: notice.level === 'too-long' ? 'error' : 'warn',
      };
    default:
      return undefined;
  }
}

function ShareSizeBody(p: { level: 'long' | 'too-long'; length: number; withEvent: boolean; a: NoticeActions }) {
  const { level, length, a } = p;
  return (
    <span data-testid="share-size-notice">
      {level === 'too-long' ? (
        <>
          <strong>This link would be {lengthLabel(length)}:</strong> browsers refuse links over 2 MB, so none was
          copied.
        </>
      ) : (
        <>The link is {lengthLabel(length)}: some chat tools cut links this long.</>
      )}{' '}
      {a.shareRuleAndSelected && (
        <>
          <button type="button" onClick={a.shareRuleAndSelected} data-testid="share-rule-selected">
            {p.withEvent ? 'Copy link with the rule and selected event only' : 'Copy link with the rule only'}
          </button>{' '}
        </>
      )}
      <button type="button" onClick={a.downloadWorkspace} data-testid="download-workspace">
        Download workspace file
      </button>
    </span>
  );
}

/** Deleting from the Recent menu, and storage refusing a change to it. */
function recentBody(notice: Notice, a: NoticeActions): Shown | undefined {
  switch (notice.kind) {
    case 'deleted':
      return {
        body: (
          <>
            Deleted “{recentName(notice.of)}” from Recent.{' '}
            {notice.failed && (
              <>
                It could not be put back ({notice.failed}):{' '}
                <Action onClick={() => a.downloadDeleted?.(notice.of.id)} testId="download-deleted">
                  download it as stored
                </Action>{' '}
              </>
            )}
            <button
              type="button"
              className="primary"
              onClick={() => a.undoDelete?.(notice.of.id)}
              data-testid="undo-delete"
            >
              Undo
            </button>
          </>
        ),
        tone: notice.failed ? 'error' : 'info',
      };
    case 'undeleted':
      return { body: <>“{recentName(notice.of)}” is back in Recent.</>, tone: 'info' };
    case 'storage-failed':
      return { body: <>{notice.message}</>, tone: 'error' };
    default:
      return undefined;
  }
}

function importBody(notice: Notice, onImport: () => void): Shown | undefined {
  switch (notice.kind) {
    case 'import-offer':
      return {
        body: (
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
        ),
        tone: 'offer',
      };
    case 'imported':
      return {
        body: (
          <span data-testid="import-result">
            Imported <strong>{notice.name}</strong> from a {FORMAT_LABEL[notice.format]}.{' '}
            {notice.changes.length > 0 ? (
              <>Settings applied from the rule: {notice.changes.join(', ')}.</>
            ) : (
              <>The rule overrides no request settings.</>
            )}
          </span>
        ),
        tone: 'info',
      };
    case 'import-failed':
      return { body: <>{notice.message}</>, tone: 'error' };
    default:
      return undefined;
  }
}

export function NoticeBar({ notice, actions, onDismiss, onImport }: NoticeBarProps) {
  if (!notice) return null;
  const { body, tone } = openingBody(notice, actions) ??
    workspaceBody(notice, actions) ??
    recentBody(notice, actions) ??
    importBody(notice, onImport) ?? { body: null, tone: 'info' };
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
