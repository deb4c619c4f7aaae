export type PageSecurity = {
  allowInlineStyles?: boolean;
  allowRemoteImages?: boolean;
  // Only the calendar embed (/calendar/embed): association websites show it in an <iframe>. It is
  // public, read-only and has no forms, so framing it cannot trick anyone into an action.
  allowFraming?: boolean;
};

// The policy for server-rendered pages: our own scripts and styles only, inline scripts only with
// this response's nonce, no framing of our pages, forms post only to us.
export function buildContentSecurityPolicy(nonce: string, security: PageSecurity = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`],
    'style-src': security.allowInlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': security.allowRemoteImages ? ["'self'", 'data:', 'https:'] : ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': security.allowFraming ? ['*'] : ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
