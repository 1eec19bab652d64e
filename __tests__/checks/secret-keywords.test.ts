import { describe, expect, it } from '@jest/globals';
import { KeywordScanner } from '../../checks/lib/secrets/keywords.js';
import { SECRET_RULES } from '../../checks/lib/secrets/rules.js';

/** Every occurrence of every keyword in `lower`, by brute force: what the scanner must return. */
function bruteForce(keywords: readonly string[], lower: string): (number[] | undefined)[] {
  return keywords.map((keyword) => {
    const offsets: number[] = [];
    for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1)) offsets.push(at);
    return offsets.length > 0 ? offsets : undefined;
  });
}

function sorted(found: (number[] | undefined)[]): (number[] | undefined)[] {
  return Array.from(found, (offsets) => (offsets ? [...offsets].sort((a, b) => a - b) : undefined));
}

/** Deterministic text made of keyword fragments, case changes and filler, of a given length. */
function textOf(keywords: readonly string[], length: number, seed: number): string {
  let state = seed >>> 0;
  const rand = (n: number) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state % n;
  };
  let text = '';
  while (text.length < length) {
    const keyword = keywords[rand(keywords.length)] ?? '';
    const piece = rand(3) === 0 ? keyword.slice(0, 1 + rand(keyword.length)) : keyword;
    text += rand(2) ? piece.toUpperCase() : piece;
    text += ' =_-.:x'[rand(7)] ?? '';
  }
  return text.slice(0, length);
}

describe('keyword prefilter', () => {
  const keywords = [...new Set(SECRET_RULES.flatMap((rule) => rule.keywords))];
  const scanner = new KeywordScanner(keywords);

  it('finds every occurrence, overlapping ones and those across the middle of the text included', () => {
    for (let length = 0; length < 120; length++) {
      for (let seed = 1; seed <= 4; seed++) {
        const text = textOf(keywords, length, seed * 1000 + length);
        expect(sorted(scanner.scanAscii(text) ?? [])).toEqual(bruteForce(keywords, text.toLowerCase()));
      }
    }
    const long = textOf(keywords, 20_000, 7);
    expect(sorted(scanner.scanAscii(long) ?? [])).toEqual(bruteForce(keywords, long.toLowerCase()));
  });

  it('leaves non-ASCII text to the caller, then matches its lowercased copy as it is', () => {
    expect(scanner.scanAscii('token \u212Aey')).toBeUndefined();
    const lower = 'clé token \u00e9password';
    expect(sorted(scanner.scanLowercased(lower))).toEqual(bruteForce(keywords, lower));
  });

  it('handles custom keywords: non-ASCII, one character, empty (everywhere), uppercase (never)', () => {
    const custom = ['clé', 'z', '', 'ABC', 'abc'];
    const own = new KeywordScanner(custom);
    expect(sorted(own.scanLowercased('une clé, abc z'))).toEqual([
      [4],
      [13],
      [...Array(15).keys()],
      undefined,
      [9],
    ]);
    expect(sorted(own.scanAscii('ABC z') ?? [])).toEqual([
      undefined,
      [4],
      [0, 1, 2, 3, 4, 5],
      undefined,
      [0],
    ]);
  });
});
