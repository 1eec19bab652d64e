/**
 * The keyword prefilter: every occurrence of every rule keyword in one pass over the text
 * (Aho–Corasick compiled to a transition table). A regex alternation of ~150 keywords is retried
 * at each offset; this automaton reads each character once, and folds ASCII case itself so that
 * ASCII text (nearly all source) needs no lowercased copy.
 */

/** Start offsets of each keyword (indexed like `KeywordScanner.keywords`); undefined: absent. */
export type KeywordOffsets = (number[] | undefined)[];

export class KeywordScanner {
  readonly keywords: readonly string[];
  /** Character class of each ASCII code unit of the text, A–Z folded onto a–z (0: in no keyword). */
  private readonly asciiClass: Uint8Array;
  /** Classes of the non-ASCII code units keywords contain (only read on lowercased non-ASCII text). */
  private readonly wideClass: Map<number, number>;
  private readonly classCount: number;
  /**
   * States are numbered by the offset of their row (`state << shift`, rows a power of two wide):
   * `next[row | class]` is the row of the state after reading a character, failures resolved.
   */
  private readonly shift: number;
  /** Rows of states where a keyword ends are stored complemented (negative): no second lookup. */
  private readonly next: Int32Array;
  /** Id of the empty keyword (a custom rule's `""`): it occurs at every offset, end included. */
  private readonly emptyId: number;
  private readonly maxLength: number;
  /** Keywords ending in each state (own and via suffix links): ids `outIds[outStart[s]..outStart[s+1]]`. */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  private readonly lengths: Int32Array;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    this.lengths = Int32Array.from(keywords, (k) => k.length);
    // Keyword code units are taken as they are: the old contract matched them case-sensitively
    // against the lowercased text, so an uppercase keyword letter gets a class no text char reaches.
    const classOfUnit = new Map<number, number>();
    for (const keyword of keywords)
      for (let i = 0; i < keyword.length; i++) {
        const unit = keyword.charCodeAt(i);
        if (!classOfUnit.has(unit)) classOfUnit.set(unit, classOfUnit.size + 1);
      }
    this.classCount = classOfUnit.size + 1;
    this.asciiClass = new Uint8Array(128);
    for (let c = 0; c < 128; c++) {
      const folded = c >= 65 && c <= 90 ? c + 32 : c;
      this.asciiClass[c] = classOfUnit.get(folded) ?? 0;
    }
    this.wideClass = new Map([...classOfUnit].filter(([unit]) => unit >= 128));

    // trie
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    keywords.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const cls = classOfUnit.get(keyword.charCodeAt(i)) ?? 0;
        let child = children[state]?.get(cls);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          own.push([]);
          children[state]?.set(cls, child);
        }
        state = child;
      }
      if (keyword.length > 0) own[state]?.push(id);
    });

    // breadth-first: failure links, full transition table, outputs along suffix links
    const states = children.length;
    const classes = this.classCount;
    const next = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const outputs: number[][] = new Array(states);
    outputs[0] = [...(own[0] ?? [])];
    const queue: number[] = [];
    for (let cls = 0; cls < classes; cls++) {
      const child = children[0]?.get(cls);
      if (child !== undefined) {
        next[cls] = child;
        fail[child] = 0;
        queue.push(child);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      outputs[state] = [...(own[state] ?? []), ...(outputs[fail[state] ?? 0] ?? [])];
      for (let cls = 0; cls < classes; cls++) {
        const child = children[state]?.get(cls);
        const viaFail = next[(fail[state] ?? 0) * classes + cls] ?? 0;
        if (child === undefined) next[state * classes + cls] = viaFail;
        else {
          next[state * classes + cls] = child;
          fail[child] = viaFail;
          queue.push(child);
        }
      }
    }
    let shift = 0;
    while (1 << shift < classes) shift++;
    this.shift = shift;
    this.next = new Int32Array(states << shift);
    for (let state = 0; state < states; state++)
      for (let cls = 0; cls < classes; cls++) {
        const target = next[state * classes + cls] ?? 0;
        const row = target << shift;
        this.next[(state << shift) | cls] = (outputs[target]?.length ?? 0) > 0 ? ~row : row;
      }
    this.emptyId = keywords.indexOf('');
    this.maxLength = Math.max(0, ...keywords.map((k) => k.length));
    this.outStart = new Int32Array(states + 1);
    for (let s = 0; s < states; s++)
      this.outStart[s + 1] = (this.outStart[s] ?? 0) + (outputs[s]?.length ?? 0);
    this.outIds = Int32Array.from(outputs.flat());
  }

  /**
   * Start offsets of every keyword occurrence in `text` (overlapping ones included), with ASCII
   * letters compared case-insensitively. Returns undefined when the text holds a non-ASCII code
   * unit: `toLowerCase` may then change offsets or map a letter onto ASCII (the Kelvin sign), so
   * the caller lowercases the text exactly as before and calls `scanLowercased`.
   */
  scanAscii(text: string): KeywordOffsets | undefined {
    return this.run(text, true);
  }

  /** The same, on text already lowercased by the caller (non-ASCII units compared as they are). */
  scanLowercased(lower: string): KeywordOffsets {
    return this.run(lower, false) ?? [];
  }

  /**
   * Four automata run side by side, each from the start of one quarter of the text: each step
   * depends on the previous one, so independent chains keep the CPU busier than one. Each records
   * only keywords starting in its quarter, and reads on past its end by the longest keyword
   * (starting fresh at a quarter finds exactly the keywords that start there or later).
   * Offsets of one keyword are therefore in no particular order.
   */
  private run(text: string, asciiOnly: boolean): KeywordOffsets | undefined {
    const found: KeywordOffsets = new Array(this.keywords.length);
    const { asciiClass, next, shift } = this;
    const n = text.length;
    if (this.emptyId >= 0) found[this.emptyId] = Array.from({ length: n + 1 }, (_, at) => at);
    const q = n >> 2;
    const s1 = q;
    const s2 = 2 * q;
    const s3 = 3 * q;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    for (let t = 0; t < q; t++) {
      const u0 = text.charCodeAt(t);
      const u1 = text.charCodeAt(s1 + t);
      const u2 = text.charCodeAt(s2 + t);
      const u3 = text.charCodeAt(s3 + t);
      if ((u0 | u1 | u2 | u3) >= 128) {
        if (asciiOnly) return undefined;
        r0 = next[r0 | this.classOf(u0)] ?? 0;
        r1 = next[r1 | this.classOf(u1)] ?? 0;
        r2 = next[r2 | this.classOf(u2)] ?? 0;
        r3 = next[r3 | this.classOf(u3)] ?? 0;
      } else {
        r0 = next[r0 | (asciiClass[u0] ?? 0)] ?? 0;
        r1 = next[r1 | (asciiClass[u1] ?? 0)] ?? 0;
        r2 = next[r2 | (asciiClass[u2] ?? 0)] ?? 0;
        r3 = next[r3 | (asciiClass[u3] ?? 0)] ?? 0;
      }
      if ((r0 | r1 | r2 | r3) < 0) {
        if (r0 < 0) {
          r0 = ~r0;
          this.record(found, r0 >> shift, t + 1, 0, s1);
        }
        if (r1 < 0) {
          r1 = ~r1;
          this.record(found, r1 >> shift, s1 + t + 1, s1, s2);
        }
        if (r2 < 0) {
          r2 = ~r2;
          this.record(found, r2 >> shift, s2 + t + 1, s2, s3);
        }
        if (r3 < 0) {
          r3 = ~r3;
          this.record(found, r3 >> shift, s3 + t + 1, s3, n);
        }
      }
    }
    // the rest of the last quarter, then each chain reads on past its quarter for keywords it began
    const over = this.maxLength - 1;
    if (
      !this.tail(found, text, r3, s3 + q, n, s3, n, asciiOnly) ||
      !this.tail(found, text, r0, q, Math.min(n, s1 + over), 0, s1, asciiOnly) ||
      !this.tail(found, text, r1, s1 + q, Math.min(n, s2 + over), s1, s2, asciiOnly) ||
      !this.tail(found, text, r2, s2 + q, Math.min(n, s3 + over), s2, s3, asciiOnly)
    )
      return undefined;
    return found;
  }

  /** One chain from `row` over [from, to), recording starts in [recFrom, recTo); false: non-ASCII. */
  private tail(
    found: KeywordOffsets,
    text: string,
    row: number,
    from: number,
    to: number,
    recFrom: number,
    recTo: number,
    asciiOnly: boolean,
  ): boolean {
    const { next, shift } = this;
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 128 && asciiOnly) return false;
      row = next[row | this.classOf(unit)] ?? 0;
      if (row < 0) {
        row = ~row;
        this.record(found, row >> shift, i + 1, recFrom, recTo);
      }
    }
    return true;
  }

  private classOf(unit: number): number {
    return unit < 128 ? (this.asciiClass[unit] ?? 0) : (this.wideClass.get(unit) ?? 0);
  }

  /** Records the keywords ending in `state` at `end` (exclusive) that start in [from, to). */
  private record(found: KeywordOffsets, state: number, end: number, from: number, to: number): void {
    const { outStart, outIds, lengths } = this;
    for (let o = outStart[state] ?? 0, stop = outStart[state + 1] ?? 0; o < stop; o++) {
      const id = outIds[o] ?? 0;
      const at = end - (lengths[id] ?? 0);
      if (at < from || at >= to) continue;
      const list = found[id];
      if (list) list.push(at);
      else found[id] = [at];
    }
  }
}
