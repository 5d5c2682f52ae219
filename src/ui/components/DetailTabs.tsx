/** The "Why / Event JSON" switch of the detail panels. */
export type DetailTab = 'why' | 'json';

export function DetailTabs({ tab, onTab }: { readonly tab: DetailTab; readonly onTab: (t: DetailTab) => void }) {
  return (
    <span className="tabs small">
      <button type="button" className={tab === 'why' ? 'active' : ''} onClick={() => onTab('why')}>
        Why
      </button>
      <button type="button" className={tab === 'json' ? 'active' : ''} onClick={() => onTab('json')}>
        Event JSON
      </button>
    </span>
  );
}
