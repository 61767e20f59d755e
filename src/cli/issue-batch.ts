/**
 * Issues read by another thread, handed to the command's thread in batches (see list-part-thread.ts): each as
 * the builder's draft of it (`IssueDraft`: read and checked, its statuses still as named), with its facets.
 *
 * Why drafts and not the issues as read: adding a draft to the history is a small part of reading an issue, so the
 * command's thread takes the other thread's part at a fraction of what reading it would cost. A batch is numbers
 * and a few strings: each issue's key and id as they are, every other string (status ids and names, issue types,
 * resolutions, labels, components, parents: a few dozen to a few thousand, repeated throughout) as an index into a
 * table of strings, each sent once; so posting a batch copies no object per issue or per change.
 */
import { IssueDraft, type IssueFacetValues } from '../domain';

export interface IssueBatch {
  /** Per issue, in order: its numbers and strings (as indices into the table, -1 for null), then its changes' and facets' (see `IssueBatchWriter.add`). */
  readonly numbers: Float64Array;
  /** The strings first used by this batch, to be added to the table in this order. */
  readonly newStrings: string[];
  /** The issues' keys and ids, in order: each its own, so not in the table. */
  readonly keys: string[];
  readonly ids: string[];
  /** The issues' warnings, in order. */
  readonly warnings: string[];
}

/** An issue of the other thread's part, as the command's thread takes it. */
export interface DraftedIssue {
  readonly draft: IssueDraft;
  readonly facets: IssueFacetValues;
  /** Whether the issue's fields hold a `resolution` (even null). */
  readonly hasResolution: boolean;
  /** Where the issue ends in the input (the byte after its closing brace). */
  readonly end: number;
}

const NULL = -1;

/** Gathers drafts into batches, on the reading thread. */
export class IssueBatchWriter {
  private numbers = new Float64Array(1 << 16);
  private length = 0;
  private newStrings: string[] = [];
  private keys: string[] = [];
  private ids: string[] = [];
  private warnings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  /** Adds an issue; its draft is copied, so the builder may reuse it for the next issue. */
  add({ draft, facets, hasResolution, end }: DraftedIssue): void {
    const { transitions, flags } = draft;
    // At most this many numbers: the issue's own, five per transition, two per flag change, one per label and component.
    this.reserve(18 + 5 * transitions + 2 * flags + facets.labels.length + facets.components.length);
    this.put(end);
    this.put(draft.created);
    this.put(draft.resolved ?? NaN);
    this.put(transitions);
    this.put(flags);
    this.put(draft.warnings.length);
    this.put(hasResolution ? 1 : 0);
    this.putString(draft.type);
    this.putString(draft.statusId);
    this.putString(draft.statusName);
    this.putString(draft.statusCategory);
    this.putString(draft.historiesPath);
    this.putString(draft.fromId);
    this.putString(draft.fromName);
    this.putString(facets.resolution);
    this.putString(facets.parent);
    for (let t = 0; t < transitions; t++) {
      this.put(draft.at[t]!);
      this.put(draft.history[t]!);
      this.put(draft.item[t]!);
      this.putString(draft.toId[t]!);
      this.putString(draft.toName[t]!);
    }
    for (let f = 0; f < flags; f++) {
      this.put(draft.flagAt[f]!);
      this.put(draft.flagOn[f]!);
    }
    this.put(facets.labels.length);
    this.put(facets.components.length);
    for (const label of facets.labels) this.putString(label);
    for (const component of facets.components) this.putString(component);
    this.keys.push(draft.key);
    this.ids.push(draft.id);
    for (const warning of draft.warnings) this.warnings.push(warning);
  }

  /** The issues added since the last batch, as one batch to post (its numbers' buffer can be transferred), or null when there are none. */
  take(): IssueBatch | null {
    if (this.keys.length === 0) return null;
    const batch: IssueBatch = {
      numbers: this.numbers.slice(0, this.length),
      newStrings: this.newStrings,
      keys: this.keys,
      ids: this.ids,
      warnings: this.warnings,
    };
    this.length = 0;
    this.newStrings = [];
    this.keys = [];
    this.ids = [];
    this.warnings = [];
    return batch;
  }

  /** Makes room for `count` more numbers. */
  private reserve(count: number): void {
    if (this.length + count <= this.numbers.length) return;
    const larger = new Float64Array(Math.max(2 * this.numbers.length, this.length + count));
    larger.set(this.numbers.subarray(0, this.length));
    this.numbers = larger;
  }

  private put(value: number): void {
    this.numbers[this.length++] = value;
  }

  private putString(value: string | null): void {
    this.numbers[this.length++] = value === null ? NULL : this.stringId(value);
  }

  private stringId(value: string): number {
    let id = this.stringIds.get(value);
    if (id === undefined) {
      id = this.stringIds.size;
      this.stringIds.set(value, id);
      this.newStrings.push(value);
    }
    return id;
  }
}

/** Hands on the issues of batches in order, on the command's thread. */
export class IssueBatchReader {
  private readonly strings: string[] = [];
  /** Each issue is handed on in this one draft, refilled: the builder is done with it before the next issue. */
  private readonly draft = new IssueDraft();
  private numbers: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private at = 0;

  read(batch: IssueBatch, onIssue: (issue: DraftedIssue) => void): void {
    for (const text of batch.newStrings) this.strings.push(text);
    this.numbers = batch.numbers;
    this.at = 0;
    let warning = 0;
    const draft = this.draft;
    for (let i = 0; i < batch.keys.length; i++) {
      draft.clear();
      const end = this.next();
      draft.created = this.next();
      const resolved = this.next();
      draft.resolved = Number.isNaN(resolved) ? null : resolved;
      const transitions = this.next();
      const flags = this.next();
      const warnings = this.next();
      const hasResolution = this.next() === 1;
      draft.key = batch.keys[i]!;
      draft.id = batch.ids[i]!;
      draft.type = this.string()!;
      draft.statusId = this.string();
      draft.statusName = this.string();
      draft.statusCategory = this.string();
      draft.historiesPath = this.string()!;
      draft.fromId = this.string();
      draft.fromName = this.string();
      const resolution = this.string();
      const parent = this.string();
      for (let t = 0; t < transitions; t++) {
        draft.at[t] = this.next();
        draft.history[t] = this.next();
        draft.item[t] = this.next();
        draft.toId[t] = this.string();
        draft.toName[t] = this.string();
      }
      draft.transitions = transitions;
      for (let f = 0; f < flags; f++) {
        draft.flagAt[f] = this.next();
        draft.flagOn[f] = this.next();
      }
      draft.flags = flags;
      const labelCount = this.next();
      const componentCount = this.next();
      const labels: string[] = [];
      for (let l = 0; l < labelCount; l++) labels.push(this.string()!);
      const components: string[] = [];
      for (let c = 0; c < componentCount; c++) components.push(this.string()!);
      for (let w = 0; w < warnings; w++) draft.warnings.push(batch.warnings[warning++]!);
      onIssue({ draft, facets: { resolution, labels, components, parent }, hasResolution, end });
    }
  }

  private next(): number {
    return this.numbers[this.at++]!;
  }

  private string(): string | null {
    const id = this.numbers[this.at++]!;
    return id === NULL ? null : this.strings[id]!;
  }
}
