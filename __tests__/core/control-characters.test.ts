import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/core/config/config-file.js';
import {
  codePointLabel,
  controlCharactersAsSpaces,
  findControlCharacter,
  oneLine,
} from '../../src/core/control-characters.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { escapeInline } from '../../src/core/escape.js';
import { parseTemplate } from '../../src/core/template/template.js';

describe('the control-character set', () => {
  it.each([
    ['NUL', '\u0000', true],
    ['BEL', '\u0007', true],
    ['tab', '\t', true],
    ['LF', '\n', true],
    ['CR', '\r', true],
    ['ESC', '\u001b', true],
    ['unit separator', '\u001f', true],
    ['DEL', '\u007f', true],
    ['the first C1 (PAD)', '\u0080', true],
    ['NEL', '\u0085', true],
    ['CSI', '\u009b', true],
    ['the last C1 (APC)', '\u009f', true],
    ['space', ' ', false],
    ['tilde', '~', false],
    ['no-break space', '\u00a0', false],
    ['é', 'é', false],
    ['zero-width space', '\u200b', false],
    ['line separator', '\u2028', false],
    ['right-to-left override', '\u202e', false],
    ['replacement character', '\uFFFD', false],
    ['an emoji', '🔐', false],
  ])('%s is %s', (_name, char, control) =>
    expect(findControlCharacter(`a${char}b`)).toEqual(control ? { char, index: 1 } : undefined),
  );

  it.each([
    ['skips what the caller allows', 'a\tb\nc\u001bd', '\t\n', { char: '\u001b', index: 5 }],
    ['finds nothing when all are allowed', 'a\r\nb', '\r\n', undefined],
    ['reports the first', '\u0007\u0000', '', { char: '\u0007', index: 0 }],
  ])('%s', (_name, text, allowed, expected) => expect(findControlCharacter(text, allowed)).toEqual(expected));

  it.each([
    ['\u001b', 'U+001B'],
    ['\u0000', 'U+0000'],
    ['\u009b', 'U+009B'],
  ])('labels %j as %s', (char, label) => expect(codePointLabel(char)).toBe(label));
});

describe('what callers do with them', () => {
  it.each([
    ['line breaks and tabs become one space', 'a\r\n\tb\u2028c\u2029\u0085d', 'a b c d'],
    ['terminal escapes are dropped', 'red\u001b[31m!\u009b2J', 'red[31m!2J'],
    ['NUL and DEL are dropped', 'a\u0000b\u007fc', 'abc'],
    ['bidi and zero-width characters are kept', 'a\u202eb\u200bc', 'a\u202eb\u200bc'],
  ])('oneLine: %s', (_name, text, expected) => expect(oneLine(text)).toBe(expected));

  it.each([
    ['each run becomes one space', 'a\u0000\u0001b\u2028\u2029c', 'a b c'],
    ['C1 too', 'a\u0085b\u009bc', 'a b c'],
    ['text without them is unchanged', 'no reason', 'no reason'],
  ])('controlCharactersAsSpaces: %s', (_name, text, expected) =>
    expect(controlCharactersAsSpaces(text)).toBe(expected),
  );

  it('escapeInline shows untrusted text on one line without them', () => {
    expect(escapeInline(' Fix\u001b[2J\nthe\u0085build\u0000 ')).toBe('Fix[2J the build');
  });

  it.each([
    ['ESC', 'contacts:\n  dev: { name: "a\u001bb" }\n', 2, 'config contains control character U+001B'],
    ['a C1 character', 'concurrency: 2\n# \u009b\n', 2, 'config contains control character U+009B'],
    [
      'U+FFFD before a control character',
      'a: "\uFFFD"\nb: "\u0000"\n',
      1,
      'config is not valid UTF-8 (contains U+FFFD)',
    ],
    [
      'a control character before U+FFFD',
      'a: "\u0000"\nb: "\uFFFD"\n',
      1,
      'config contains control character U+0000',
    ],
  ])('the config refuses %s with its line', (_name, text, line, message) => {
    let thrown: unknown;
    try {
      parseConfig(text, 'shipgate.yml');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).problems[0]).toEqual({ file: 'shipgate.yml', line, message });
  });

  it.each([
    ['ESC', '## S\n- [ ] a\u001b[31m\n', 2, 'U+001B'],
    ['a C1 character', '## S\n\n- [ ] a\u0085b\n', 3, 'U+0085'],
  ])('the template refuses %s with its line', (_name, text, line, label) => {
    let thrown: unknown;
    try {
      parseTemplate(text, 'CHECKLIST.md', new Map());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).problems).toContainEqual({
      file: 'CHECKLIST.md',
      line,
      message: `line contains control character ${label}; templates must be plain UTF-8 text`,
    });
  });

  it('the template keeps tabs and CRLF line breaks', () => {
    expect(parseTemplate('## S\r\n- [ ] a\tb\r\n', 'CHECKLIST.md', new Map()).items).toHaveLength(1);
  });

  it('the config keeps tabs and CRLF line breaks', () => {
    expect(() => parseConfig('concurrency: 2\r\n#\tnote\r\n', 'shipgate.yml')).not.toThrow();
  });
});
