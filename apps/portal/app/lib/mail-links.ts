// Links in a developer-mailbox message, so a developer can follow a sign-in or invitation link.
// Only http(s) links are returned: never javascript: or data: URLs.
export function extractMailLinks(html: string, text: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    found.push(decodeHtmlEntities(match[1] ?? match[2] ?? ''));
  }
  for (const match of text.matchAll(/https?:\/\/[^\s<>"')\]]+/gi)) {
    found.push(match[0].replace(/[.,;:!?]+$/, ''));
  }
  const links: string[] = [];
  for (const candidate of found) {
    const link = candidate.trim();
    if (!/^https?:\/\//i.test(link) || !URL.canParse(link)) continue;
    if (!links.includes(link)) links.push(link);
  }
  return links;
}

function decodeHtmlEntities(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
