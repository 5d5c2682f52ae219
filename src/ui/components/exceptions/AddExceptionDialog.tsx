import { useEffect, useRef, useState } from 'react';
import {
  draftExpireTime,
  draftProblem,
  expiryProblem,
  localTimeValue,
  updateEntry,
  type DraftEntry,
  type DraftEntryType,
  type ExceptionDraft,
} from '../../state/exception-draft';
import type { PreviewState } from '../../stores/exceptions';
import '../../exceptions.css';

export interface AddExceptionDialogProps {
  readonly draft: ExceptionDraft;
  readonly preview: PreviewState;
  readonly lists: readonly string[];
  readonly onChange: (d: ExceptionDraft) => void;
  readonly onApply: () => void;
  readonly onCancel: () => void;
  /** When the draft was checked: an expiry must lie after it. */
  readonly now: number;
  /** Why the item cannot go into the pane's text now (it reads with errors), if so. */
  readonly textProblem?: string | undefined;
  /** What an event is called (its label), from its id. */
  readonly nameOf?: (id: string) => string;
}

const TYPES: readonly DraftEntryType[] = ['match', 'match_any', 'wildcard', 'exists'];
const TYPE_LABEL: Record<DraftEntryType, string> = {
  match: 'is (match)',
  match_any: 'is one of (match_any)',
  wildcard: 'matches (wildcard)',
  exists: 'exists',
};

function EntryRow({ e, onPatch }: { readonly e: DraftEntry; readonly onPatch: (p: Partial<DraftEntry>) => void }) {
  return (
    <tr className={e.on ? 'on' : ''} data-testid="draft-entry" data-field={e.field}>
      <td>
        <input
          type="checkbox"
          checked={e.on}
          aria-label={`Use ${e.field}`}
          onChange={(x) => onPatch({ on: x.target.checked })}
        />
      </td>
      <td>
        <code>{e.field}</code>
      </td>
      <td>
        <select
          aria-label={`Operator for ${e.field}`}
          value={e.operator}
          disabled={!e.on}
          onChange={(x) => onPatch({ operator: x.target.value === 'excluded' ? 'excluded' : 'included' })}
        >
          <option value="included">is</option>
          <option value="excluded">is not</option>
        </select>
      </td>
      <td>
        <select
          aria-label={`Entry type for ${e.field}`}
          value={e.type}
          disabled={!e.on}
          onChange={(x) => onPatch({ type: x.target.value as DraftEntryType })}
        >
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {e.type === 'exists' ? null : e.type === 'match_any' ? (
          <textarea
            aria-label={`Values for ${e.field}`}
            rows={2}
            value={e.value}
            disabled={!e.on}
            onChange={(x) => onPatch({ value: x.target.value })}
          />
        ) : (
          <input
            aria-label={`Value for ${e.field}`}
            value={e.value}
            disabled={!e.on}
            spellCheck={false}
            onChange={(x) => onPatch({ value: x.target.value })}
          />
        )}
      </td>
    </tr>
  );
}

function ItemFields({ draft, lists, onChange }: Pick<AddExceptionDialogProps, 'draft' | 'lists' | 'onChange'>) {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="exc-form-row">
      <label>
        Name
        <input
          ref={first}
          data-testid="draft-name"
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
        />
      </label>
      <label>
        List id
        <input
          list="exc-list-ids"
          value={draft.listId}
          spellCheck={false}
          onChange={(e) => onChange({ ...draft, listId: e.target.value })}
        />
        <datalist id="exc-list-ids">
          {lists.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      </label>
      <label>
        Item id
        <input
          value={draft.itemId}
          spellCheck={false}
          onChange={(e) => onChange({ ...draft, itemId: e.target.value })}
        />
      </label>
    </div>
  );
}

/** The optional expiry: local date and time, the `expire_time` it is written as, or why it cannot be. */
function ExpiryField({ draft, now, onChange }: Pick<AddExceptionDialogProps, 'draft' | 'now' | 'onChange'>) {
  const problem = expiryProblem(draft, now);
  const written = problem ? undefined : draftExpireTime(draft);
  return (
    <div className="exc-form-row exc-expiry">
      <label>
        Expires (optional, local time)
        <input
          type="datetime-local"
          data-testid="draft-expires"
          value={draft.expires ?? ''}
          min={localTimeValue(now)}
          aria-invalid={problem ? true : undefined}
          aria-describedby="exc-expiry-note"
          onChange={(e) => onChange({ ...draft, expires: e.target.value })}
        />
      </label>
      {draft.expires ? (
        <button type="button" className="link-button" onClick={() => onChange({ ...draft, expires: '' })}>
          Never expires
        </button>
      ) : null}
      <span
        id="exc-expiry-note"
        data-testid="draft-expires-note"
        className={problem ? 'exc-problem' : 'muted'}
        role={problem ? 'alert' : undefined}
      >
        {problem ??
          (written
            ? `Written as expire_time ${written}: rule runs that start later do not apply the item.`
            : 'Without an expiry the item applies until it is removed.')}
      </span>
    </div>
  );
}

/** "Add rule exception" from an event: entries pre-filled from its fields, with the impact preview and warnings. */
export function AddExceptionDialog(p: AddExceptionDialogProps) {
  const { draft } = p;
  const [all, setAll] = useState(false);
  const problem = draftProblem(draft, p.now);
  // The expiry's problem is said beside its field.
  const elsewhere = problem !== undefined && problem !== expiryProblem(draft, p.now);
  const shown = all ? draft.entries : draft.entries.filter((e) => e.on || e.suggested);
  const ready = p.preview.phase === 'ready' && !problem && !p.textProblem;
  return (
    <div className="overlay">
      <div
        onKeyDown={(e) => e.key === 'Escape' && p.onCancel()}
        className="dialog exc-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Add rule exception"
        data-testid="add-exception"
      >
        <div className="pane-title">
          <span>
            Add rule exception · from event <code>{draft.eventId}</code>
          </span>
        </div>
        <div className="exc-dialog-body">
          <ItemFields draft={draft} lists={p.lists} onChange={p.onChange} />
          <ExpiryField draft={draft} now={p.now} onChange={p.onChange} />
          <table className="exc-entries-table">
            <tbody>
              {shown.map((e) => (
                <EntryRow key={e.field} e={e} onPatch={(patch) => p.onChange(updateEntry(draft, e.field, patch))} />
              ))}
            </tbody>
          </table>
          <button type="button" className="link-button" data-testid="draft-all-fields" onClick={() => setAll(!all)}>
            {all ? 'Show the rule’s fields only' : `Show all ${draft.entries.length} fields of the event`}
          </button>
          {elsewhere ? (
            <div className="exc-problem">{problem}</div>
          ) : problem ? null : (
            <PreviewView preview={p.preview} nameOf={p.nameOf ?? ((id) => id)} />
          )}
        </div>
        {p.textProblem && (
          <div className="exc-problem exc-text-problem" data-testid="draft-text-problem">
            {p.textProblem}
          </div>
        )}
        <div className="exc-dialog-buttons">
          <button type="button" className="primary" data-testid="apply-exception" disabled={!ready} onClick={p.onApply}>
            Add to exceptions
          </button>
          <button type="button" data-testid="cancel-exception" onClick={p.onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

function PreviewView({ preview, nameOf }: { readonly preview: PreviewState; readonly nameOf: (id: string) => string }) {
  if (preview.phase === 'idle' || (preview.phase === 'running' && !preview.last))
    return <div className="muted exc-preview">Testing the item on the events…</div>;
  if (preview.phase === 'failed') return <div className="exc-problem">The preview failed: {preview.message}</div>;
  // While the changed item is tested, the last answer stays (dimmed) instead of flashing away.
  const r = preview.phase === 'running' ? preview.last! : preview.preview;
  const busy = preview.phase === 'running';
  const ruleError = r.problems.find((d) => d.source === 'rule');
  if (ruleError)
    return (
      <div className="exc-problem" data-testid="exception-preview">
        The rule has errors, so the preview cannot say which events the item removes: {ruleError.message}
      </div>
    );
  const alerts = r.removed.filter((x) => x.verdict === 'alert');
  return (
    <div
      className={busy ? 'exc-preview exc-preview-busy' : 'exc-preview'}
      data-testid="exception-preview"
      aria-busy={busy ? true : undefined}
    >
      {r.expectedAlerts.length > 0 && (
        <div className="exc-loud" role="alert" data-testid="preview-expected-alerts">
          Removes {r.expectedAlerts.length} expected alert{r.expectedAlerts.length === 1 ? '' : 's'}:{' '}
          {r.expectedAlerts.map(nameOf).join(', ')}
        </div>
      )}
      {r.removesTarget === false && <div className="exc-loud">Does not remove the event it was written from.</div>}
      <div data-testid="preview-summary">
        {r.removed.length === 0
          ? 'Removes no event.'
          : `Removes ${r.removed.length} event${r.removed.length === 1 ? '' : 's'}${alerts.length > 0 ? `, ${alerts.length} of them alerting now` : ''}:`}
      </div>
      {r.removed.length > 0 && (
        <ul className="exc-removed">
          {r.removed.slice(0, 30).map((x) => (
            <li key={x.position} className={x.expectedAlert ? 'expected' : ''}>
              <code>{nameOf(x.id)}</code> <span className={`verdict-text verdict-${x.verdict}`}>{x.verdict}</span>
            </li>
          ))}
          {r.removed.length > 30 && <li className="muted">and {r.removed.length - 30} more</li>}
        </ul>
      )}
      {[...r.warnings.map((w) => w.message), ...r.problems.map((d) => d.message)].map((m) => (
        <div key={m} className="exc-warning" data-testid="preview-warning">
          {m}
        </div>
      ))}
    </div>
  );
}
