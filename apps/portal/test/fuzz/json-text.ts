// JSON text exactly as the fuzzer sends it. JSON.stringify cannot write some things an attacker
// can: numbers beyond float range (1e400), -0, duplicate or `__proto__` keys. RawJson carries such
// a token verbatim; objects built with defineProperty keep `__proto__` as an ordinary key.
export class RawJson {
  constructor(readonly text: string) {}
}

export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => toJsonText(item)).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// A copy that keeps RawJson tokens (structuredClone would turn them into plain objects).
export function cloneJson<T>(value: T): T {
  if (value instanceof RawJson || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setKey(copy, key, cloneJson((value as Record<string, unknown>)[key]));
  return copy as T;
}

// What the server's JSON parser sees; undefined when the text is not JSON at all.
export function parseJsonText(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}
