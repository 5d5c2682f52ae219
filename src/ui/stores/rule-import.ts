/**
 * Rule import: a rule file (detection-rules TOML, Kibana export, Elastic docs page) opened,
 * dropped, pasted over the whole rule, or typed into the rule editor. The worker parses; this
 * store offers the import, applies it (query, header metadata, request settings) and says so.
 */
import type { IStandaloneCodeEditor } from '../../monaco/types';
import type { ParsedRuleView } from '../../worker/protocol';
import type { Notice } from '../state/startup';
import { displayName, isImportable, looksLikeRuleFile, openedFile, planImport } from '../state/rule-import';
import { createStore, watch, type Store } from '../state/store';
import type { Documents } from './documents';
import type { ClientSource } from './evaluation';

export interface PendingImport {
  readonly text: string;
  readonly parsed: ParsedRuleView;
}

export interface RuleFile {
  readonly name: string;
}

export function createRuleImport<F extends RuleFile>(
  documents: Documents,
  notices: Store<Notice | undefined>,
  client: ClientSource,
  readFileText: (file: F) => Promise<string>,
) {
  /** A rule file found in the rule editor, waiting for the user's Import click. */
  const pending = createStore<PendingImport | undefined>(undefined);
  /** A rule file pasted over the whole rule text, until one of its reads answers. */
  let pastedWhole: string | undefined;
  let asked = 0;

  const apply = (parsed: ParsedRuleView): void => {
    const plan = planImport(documents.doc(), parsed);
    documents.setRule(plan.rule);
    documents.patch({
      rule: plan.rule,
      metadata: plan.metadata,
      settings: plan.settings,
      selected: undefined,
      // An imported rule is compared with itself as it came in.
      baseline: { rule: plan.rule, settings: plan.settings },
    });
    pending.set(undefined);
    notices.set({ kind: 'imported', format: parsed.format, name: displayName(plan.metadata), changes: plan.changes });
  };

  // The rule editor holds something that looks like a rule file: ask the worker, then offer it.
  const examine = (text: string): void => {
    const question = ++asked;
    const c = client();
    if (!c || !looksLikeRuleFile(text)) {
      pending.set(undefined);
      notices.update((n) => (n?.kind === 'import-offer' ? undefined : n));
      return;
    }
    void c.parseRule(text).then((o) => {
      if (question !== asked || o.status !== 'ok' || documents.doc().rule !== text) return;
      const parsed = o.value.rule;
      if (!isImportable(parsed)) return;
      if (pastedWhole === text) {
        // The paste handler's own read was superseded by this one: import, as a paste does.
        pastedWhole = undefined;
        apply(parsed);
        return;
      }
      pending.set({ text, parsed });
      notices.set({ kind: 'import-offer', format: parsed.format, name: parsed.metadata.name });
    });
  };

  return {
    pending,
    apply,
    importPending(): void {
      const p = pending.get();
      if (p && p.text === documents.doc().rule) apply(p.parsed);
    },
    /** A file picked or dropped onto the rule editor: import it (or load it as EQL). */
    async openRuleFile(file: F): Promise<void> {
      const c = client();
      if (!c) return;
      const text = await readFileText(file);
      const o = await c.parseRule(text, file.name);
      if (o.status !== 'ok') {
        notices.set({ kind: 'import-failed', message: `${file.name} could not be read.` });
        return;
      }
      const parsed = o.value.rule;
      const opened = openedFile(parsed, file.name);
      if (opened.kind === 'import') apply(parsed);
      else if (opened.kind === 'eql') {
        documents.setRule(text);
        documents.patch({ metadata: undefined, baseline: { rule: text, settings: documents.doc().settings } });
      } else notices.set({ kind: 'import-failed', message: opened.message });
    },
    /** A paste that replaced the whole rule text with a rule file imports it at once. */
    pastedWholeRule(text: string): void {
      if (text.trim() === '' || !looksLikeRuleFile(text)) return;
      pastedWhole = text;
      void client()
        ?.parseRule(text)
        .then((o) => {
          if (o.status !== 'ok' || pastedWhole !== text) return;
          pastedWhole = undefined;
          if (isImportable(o.value.rule) && documents.doc().rule === text) apply(o.value.rule);
        });
    },
    start(): () => void {
      const stop = watch(
        documents.state,
        (s) => s.doc.rule,
        (rule) => examine(rule),
      );
      examine(documents.doc().rule);
      return () => {
        asked++;
        stop();
      };
    },
  };
}

/** Send the rule editor's whole-text pastes to the import. */
export function importWholePastes(ed: IStandaloneCodeEditor, onPastedWhole: (text: string) => void): void {
  ed.onDidPaste((e) => {
    const model = ed.getModel();
    if (!model || !e.range.equalsRange(model.getFullModelRange())) return;
    onPastedWhole(model.getValue());
  });
}

export type RuleImport = ReturnType<typeof createRuleImport>;
