// Values that parsers get wrong: control characters, odd Unicode, numbers out
// of range, broken encodings, wrong content types and bodies, hostile ids and tokens.
import type { Random } from './case-types';

export const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u000b',
  '\u000c',
];
export const UNICODE_ODDITIES = [
  '\u202e\u0645\u0631\u062d\u0628\u0627', // right-to-left override
  '\ufeffBOM',
  'zero\u200bwidth',
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '\ud83d\ude00\ud83d\udc4d', // emoji
  '\ud800', // a lone surrogate
  '\uffff\ufffe',
  '𝕳𝖊𝖑𝖑𝖔',
  'ǅ ﬁ Ⅻ',
  '\u2028\u2029',
];
export const NUMBERS_OUT_OF_RANGE = [
  '3000000000',
  '2147483648',
  '-1',
  '-2147483649',
  '99999999999999999999999',
  '1e309',
  '1e-400',
  'NaN',
  'Infinity',
  '0x7fffffff',
  '١٢٣',
  '12.5.6',
  '',
  ' 5',
];
/** Percent-encoding and UTF-8 that decode badly or not at all. */
export const BROKEN_ENCODINGS = [
  '%',
  '%Z',
  '%ZZ',
  '%00',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  '%E2%82',
  '%%%',
  '&&&=',
  '=',
  '==&==',
];

export const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'application/json',
  'application/json; charset=utf-8',
  'multipart/form-data',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded; application/json',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/x-www-form-urlencoded;charset=ISO-8859-1',
];

export const JSON_BODIES = [
  '{',
  '{"token":',
  'nul',
  'null',
  '[]',
  '"a string"',
  '12345678901234567890',
  '{"token":123}',
  '{"token":null}',
  '{"token":{"$ne":""}}',
  '{"token":"\\u0000"}',
  '{"__proto__":{"admin":true}}',
  '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
  '\u0000\u0001\u0002',
  '',
];

export const hexOf = (r: Random, n: number) =>
  Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');

export const ID_SEGMENTS = [
  'cl0000000000000000000000',
  '%00',
  'a%00b',
  '..',
  '%2e%2e%2f',
  'x'.repeat(300),
  '%E2%80%AE',
  '%F0%9F%98%80',
  "'%20OR%201=1--",
  '%C0%AF',
  '-1',
  '9999999999999999999999',
];

export const TOKENS = [
  '',
  'x',
  'tpat_' + 'a'.repeat(40),
  'a'.repeat(5000),
  '\u0000',
  '%00',
  'ey.ey.ey',
  'Bearer',
  '🙂',
];

/** Header values must be ByteStrings: keep the ones fetch can send. */
export const headerSafe = (value: string) => value.replace(/[^\u0020-\u007e]/g, '?');
