/**
 * The contract of a built-in secret rule, and the regex builders the rule files share.
 * Every rule names lowercase keywords: the engine runs a rule's regex only on text containing one
 * of them (the prefilter that keeps scanning fast on ordinary source files).
 */

export interface SecretRule {
  id: string;
  /** The provider or kind (`github`, `slack`, `generic`…): recall is measured per family. */
  family: string;
  description: string;
  /** Lowercase substrings; the regex runs only when the text contains at least one. */
  keywords: readonly string[];
  /** Global regex; the named group `secret` (or the whole match) is the sensitive part. */
  pattern: RegExp;
  /** Leading characters of the secret that may be shown (a public prefix such as `ghp_`). */
  visible: number;
  /** Minimum Shannon entropy (bits/char) of the secret, against low-effort fakes. */
  minEntropy?: number;
  /**
   * The regex starts at one of these lowercase words: it is tried only where one occurs (sticky), not
   * at every offset: a case-insensitive alternation cannot be skipped to by the regex engine itself.
   */
  anchors?: readonly string[];
  /** A case-sensitive substring the text must contain besides a keyword (`</` for XML bodies). */
  requires?: string;
  /** Context-dependent rules run after the specific ones and yield to them on the same line. */
  generic?: boolean;
  /** Key material (PEM bodies) legitimately contains runs like `AAAAAA`: skip the placeholder filter. */
  binaryBody?: boolean;
  /**
   * The format is specific enough (fixed length, fixed suffix) that only degenerate placeholders
   * (`xxxx`, one repeated character) are dropped: `abc123`-style bodies of that shape are reported.
   */
  exactShape?: boolean;
  /** The random part the placeholder filter judges (default: the secret without its visible prefix). */
  bodyOf?(secret: string): string;
  /**
   * A format checksum (GitHub and npm CRC32, age Bech32). A token that carries a valid one is real
   * whatever it looks like; one that does not is still reported (annotated "checksum invalid")
   * unless it is a placeholder or reads like words (`ghp_PersonalAccessTokenHere…`).
   */
  checksum?(secret: string): boolean;
  /** The numbered capture group holding the secret (custom `.gitleaks.toml` rules). */
  secretGroup?: number;
  /** Extra validation of a candidate (decode a JWT, inspect the key name…). */
  verify?(candidate: RuleCandidate): boolean;
}

export interface RuleCandidate {
  secret: string;
  match: RegExpExecArray;
  /** Path of the scanned file (relative), for rules that depend on the file type. */
  path: string;
  /** The whole scanned text (to read the identifier a match starts inside). */
  text: string;
}

/** Token boundaries: the character before/after is not part of a token alphabet. */
export const L = '(?<![A-Za-z0-9_-])';
export const R = '(?![A-Za-z0-9_-])';

/**
 * Between a key and its value, in the syntaxes of the languages and config formats we scan:
 * `=` `:` `:=` `::=` `:::=` `?=` `+=` `.=` `||=` `??=` `=>` `<-` `==` `!=` (comparisons hold literals
 * too), `,` (`setProperty("X_TOKEN", "…")`, `getEnvOrDefault("api_token", "…")`), with a closing
 * quote or bracket after the key and a type in between (`var xToken string = …`, `key: string = …`).
 */
export const ASSIGN =
  String.raw`(?:\\?["'\x60])?\]?(?:[ \t]+(?:string|String|str)\b)?[ \t]*(?:\??:[ \t]*(?:string|String|str)\b[ \t]*)?` +
  String.raw`(?::{1,3}=|\?\?=|\|\|=|[?+.]=|!==?|===?|=>|<-|[=:,])[ \t]*`;

/**
 * A secret of shape `value` (a regex source) assigned to an identifier containing one of
 * `keys` (a regex source): `twilioToken = "…"`, `DATADOG_API_KEY: …`, `<mailgunKey>…</mailgunKey>`.
 */
export function keyedPattern(keys: string, value: string): RegExp {
  const assigned = String.raw`(?:${keys})[\w.-]{0,40}?${ASSIGN}(?:[\x60'"]|\\")?(?<secret>${value})(?![\w+/=-])`;
  const xml = String.raw`<[\w.:-]{0,30}?(?:${keys})[\w.:-]{0,30}(?:\s[^<>]*)?>\s*(?<xsecret>${value})\s*<\/`;
  return new RegExp(`${assigned}|${xml}`, 'gi');
}

/** A provider token with a unique prefix, bounded on both sides. */
export function prefixedPattern(source: string, flags = 'g'): RegExp {
  return new RegExp(`${L}(?<secret>${source})${R}`, flags);
}
