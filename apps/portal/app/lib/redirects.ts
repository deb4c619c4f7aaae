// Only same-site relative paths: "/x" but not "//evil.example", "/\evil.example" or control characters.
export function toSafeRedirect(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback;
  if (target.startsWith('//') || target.startsWith('/\\')) return fallback;
  if ([...target].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)) return fallback;
  return target;
}
