import type { FieldErrors } from '../errors.js';

// C0 control characters (and DEL) have no place in anything a person writes; tab, line feed and
// carriage return do. PostgreSQL refuses NUL outright, so one slipping through would be a 500.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const forbiddenControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const controlCharacterMessage = 'Remove the invisible control character from this text';

export function hasForbiddenControlCharacter(text: string): boolean {
  return forbiddenControl.test(text);
}

// Every string (and object key) anywhere in a request's params, query or body, checked once at
// the edge for all routes, so no schema can forget it. Answers the fields to name in a 400.
export function findControlCharacters(value: unknown, path: string, found: FieldErrors = {}, depth = 0): FieldErrors {
  if (depth > 64) return found;
  if (typeof value === 'string') {
    if (forbiddenControl.test(value)) found[path] ??= controlCharacterMessage;
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findControlCharacters(item, path ? `${path}.${index}` : String(index), found, depth + 1));
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = path ? `${path}.${key}` : key;
      if (forbiddenControl.test(key)) found[path || 'body'] ??= controlCharacterMessage;
      findControlCharacters(item, itemPath, found, depth + 1);
    }
  }
  return found;
}
