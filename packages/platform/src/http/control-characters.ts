import type { FieldErrors } from '../errors.js';

// C0 control characters (and DEL) have no place in anything a person writes; tab, line feed and
// carriage return do. PostgreSQL refuses NUL outright, so one slipping through would be a 500.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const forbiddenControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Half of a surrogate pair (an emoji cut in two) is not text either: PostgreSQL's jsonb refuses it.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const controlCharacterMessage = 'Remove the invisible control character from this text';
export const brokenCharacterMessage = 'Remove the broken character (half of an emoji) from this text';

function textProblem(text: string): string | undefined {
  if (forbiddenControl.test(text)) return controlCharacterMessage;
  if (loneSurrogate.test(text)) return brokenCharacterMessage;
  return undefined;
}

export function hasForbiddenControlCharacter(text: string): boolean {
  return textProblem(text) !== undefined;
}

// Every string (and object key) anywhere in a request's params, query or body, checked once at
// the edge for all routes, so no schema can forget it. Answers the fields to name in a 400.
export function findControlCharacters(value: unknown, path: string, found: FieldErrors = {}, depth = 0): FieldErrors {
  if (depth > 64) return found;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) found[path || 'body'] ??= problem;
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findControlCharacters(item, path ? `${path}.${index}` : String(index), found, depth + 1));
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = path ? `${path}.${key}` : key;
      const problem = textProblem(key);
      if (problem) found[path || 'body'] ??= problem;
      findControlCharacters(item, itemPath, found, depth + 1);
    }
  }
  return found;
}
