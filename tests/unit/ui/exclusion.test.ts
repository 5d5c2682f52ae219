import { describe, expect, it } from 'vitest';
import { defaultExample } from '../../../src/examples/default-example';
import { parseEvents } from '../../../src/formats/events';
import {
  chosenProposal,
  editPreview,
  exclusionReducer,
  idleExclusion,
  impactText,
  type ExclusionRequest,
} from '../../../src/ui/state/exclusion';
import { propose } from '../../../src/worker/tuning';

const events = parseEvents(defaultExample.events, { idField: 'event.id' }).events;
const rule = defaultExample.query;
const ctx = { eventsKey: 'k', events, mapping: '' };

describe('the exclusion flow', () => {
  const request: ExclusionRequest = { position: 13, eventId: 'x', fields: ['process.executable'] };
  const result = propose(rule, { size: 100 }, ctx, { position: 13, fields: ['process.executable'] });

  it('propose → answer → choose → close; a late answer for another request is dropped', () => {
    let s = exclusionReducer(idleExclusion, { type: 'propose', request, rule });
    expect(s.phase).toBe('loading');
    const other: ExclusionRequest = { ...request, fields: ['process.name'] };
    expect(exclusionReducer(s, { type: 'answer', request: other, result })).toBe(s);
    s = exclusionReducer(s, { type: 'answer', request, result });
    expect(s).toMatchObject({ phase: 'ready', chosen: 0, rule });
    expect(chosenProposal(s)).toBe(result.proposals[0]);
    if (result.proposals.length > 1) {
      s = exclusionReducer(s, { type: 'choose', index: 1 });
      expect(chosenProposal(s)).toBe(result.proposals[1]);
    }
    expect(exclusionReducer(s, { type: 'choose', index: 99 })).toBe(s);
    expect(exclusionReducer(s, { type: 'close' })).toEqual(idleExclusion);
  });

  it('the preview shows the touched line split around the edit; applying it gives the proposal rule', () => {
    expect(result.proposals.length).toBeGreaterThan(0);
    for (const p of result.proposals) {
      const v = editPreview(rule, p.edit);
      const lines = rule.split('\n');
      expect(lines[v.line - 1]!.startsWith(v.before)).toBe(true);
      expect(v.before + v.inserted + v.after).toBe(
        p.rule
          .split('\n')
          .slice(v.line - 1)
          .join('\n')
          .slice(0, (v.before + v.inserted + v.after).length),
      );
      expect(rule.slice(0, p.edit.start) + p.edit.text + rule.slice(p.edit.end)).toBe(p.rule);
    }
  });

  it('the impact in words, loud when an expected alert would be silenced', () => {
    const p = result.proposals[0]!;
    expect(impactText(p).summary).toMatch(/^Suppresses this event/);
    const breaking = {
      ...p,
      impact: {
        newlySuppressed: [
          { id: 'a', position: 1 },
          { id: 'b', position: 2 },
        ],
        breaksExpectations: [{ id: 'b', position: 2 }],
      },
    };
    expect(impactText(breaking)).toEqual({
      summary: 'Suppresses this event and 1 other that alert now.',
      warning: 'Silences 1 event that must alert: b.',
    });
    // A stage of a sequence: the events are those no longer part of a returned sequence.
    expect(impactText({ ...breaking, stage: 1 }).summary).toBe(
      'Takes this event and 1 other out of every returned sequence or sample.',
    );
    // Named as the list names the event (its label), not by its core id.
    expect(impactText(breaking, (id) => (id === 'b' ? 'ev-2' : id)).warning).toBe(
      'Silences 1 event that must alert: ev-2.',
    );
  });
});
