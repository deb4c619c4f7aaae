// Headers every response of the portal carries. Pages set their own Content-Security-Policy (with
// the nonce of their inline scripts, app/entry.server.tsx); routes may set a stricter Referrer-Policy.
const defaults: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

// Addresses that carry a secret token: whatever the page answers (also an error page), the token
// must not leave in a Referer header. Invitations keep same-origin so their accept form has an Origin.
export function referrerPolicyFor(url: URL): string | undefined {
  const isSignInLink = url.pathname === '/sign-in/link' || url.pathname === '/sign-in/link.data';
  if (isSignInLink && url.searchParams.has('token')) return 'no-referrer';
  if (url.pathname.startsWith('/invitations/')) return 'same-origin';
  return undefined;
}

function allowsFraming(policy: string): boolean {
  const directive = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name?.toLowerCase() === 'frame-ancestors');
  return directive !== undefined && !(directive.length === 2 && directive[1] === "'none'");
}

export function withSecurityHeaders(response: Response, url: URL): Response {
  const headers = new Headers(response.headers);
  headers.set('X-Content-Type-Options', 'nosniff');
  const referrerPolicy = referrerPolicyFor(url);
  if (referrerPolicy) headers.set('Referrer-Policy', referrerPolicy);
  for (const [name, value] of Object.entries(defaults)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  // A page that lets other sites frame it (the calendar embed: frame-ancestors *) must not be
  // contradicted by X-Frame-Options: DENY; everything else keeps both refusals.
  if (allowsFraming(headers.get('Content-Security-Policy') ?? '')) headers.delete('X-Frame-Options');
  // Pages show personal data: browsers and proxies must not keep them.
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
