/**
 * The header's share controls: the Share button, the length meter (always shown: how long a
 * link of the current state is, coloured past what chat tools keep and past what browsers open),
 * and what became of the last link: copied, or out of date with one click to update it.
 */
import { useStore } from '../hooks/use-store';
import { BROWSER_URL_LIMIT, CHAT_SAFE_LENGTH, lengthLabel } from '../state/share-size';
import type { Share } from '../stores/share';
import '../workspace.css';

function meterTitle(length: number | undefined): string {
  if (length === undefined) return 'Measuring the link for the current state…';
  if (length > BROWSER_URL_LIMIT)
    return `A link of the current state would be ${lengthLabel(length)}: browsers refuse links over 2 MB. Share offers the workspace file instead.`;
  if (length > CHAT_SAFE_LENGTH)
    return `A link of the current state is ${lengthLabel(length)}: some chat tools cut links past ${CHAT_SAFE_LENGTH.toLocaleString('en-US')} characters.`;
  return `A link of the current state is ${lengthLabel(length)}.`;
}

export function ShareControls({ share }: { share: Share }) {
  const info = useStore(share.info);
  const copied = info.copied;
  let chip: string;
  if (info.link === 'stale') chip = 'Link out of date';
  else if (copied && info.link === 'current' && copied.what === 'full')
    chip = copied.ok ? `Copied · ${lengthLabel(copied.length)}` : `In the address bar · ${lengthLabel(copied.length)}`;
  else if (copied?.what === 'reduced')
    chip = copied.ok ? `Copied rule + event · ${lengthLabel(copied.length)}` : 'Copy failed';
  else chip = info.length === undefined ? '… chars' : lengthLabel(info.length);
  return (
    <>
      <button
        type="button"
        data-testid="share-button"
        className="primary"
        onClick={() => void share.shareLink()}
        title="Put the whole state in the link and copy it (Ctrl/Cmd+S)"
      >
        Share link
      </button>
      <span
        className={`share-length share-${info.level}${info.link === 'stale' ? ' share-stale' : ''}`}
        data-testid="share-length"
        data-level={info.level}
        data-link={info.link}
        role="status"
        title={meterTitle(info.length)}
      >
        {chip}
        {info.link === 'stale' && (
          <>
            {' · '}
            <button
              type="button"
              className="link"
              data-testid="share-refresh"
              onClick={() => void share.shareLink()}
              title="Put the current state in the address bar and copy the link"
            >
              update
            </button>
          </>
        )}
      </span>
    </>
  );
}
