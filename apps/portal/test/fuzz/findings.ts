import type { Answer } from './product-http.js';
import type { Plan } from './request-plans.js';

export type FailureKind =
  | 'server error (5xx)'
  | 'no HTTP answer'
  | 'connection reset instead of an answer to an oversized request'
  | 'accepted (2xx) a request its OpenAPI document forbids'
  | 'accepted (2xx) a cookie-carried write from another site'
  | 'accepted (2xx) a signed-out request on a route that needs sign-in'
  | 'the database changed although the request was refused';

export interface FailureClass {
  kind: FailureKind;
  label: string;
  status: string;
  signature: string;
  count: number;
  example: { plan: Plan; answer: Answer; detail: string; log: string; minimalBody?: string };
}

// Ids, numbers and long quoted values vary between examples of one class.
function normalise(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\d+/g, '<n>')
    .replace(/"[^"]{24,}"/g, '"…"')
    .slice(0, 160);
}

// The product's own words for a failure: the first error or warning lines the request caused.
export function errorLines(log: string): string {
  return log
    .split('\n')
    .filter((line) => /\b(ERROR|FATAL|WARN)\b|"level":(40|50|60)/.test(line))
    .slice(0, 4)
    .map((line) => (line.length > 500 ? `${line.slice(0, 500)}…` : line))
    .join('\n');
}

// What tells one server error from another: the product's first error line, else the answer.
export function errorSignature(log: string, answer: Answer): string {
  // Sorted: the api writes its two lines for one error in either order.
  const [first = ''] = errorLines(log)
    .split('\n')
    .map((line) => normalise(line.replace(/^\[\w+\]\s*/, '')))
    .filter(Boolean)
    .sort();
  return first || normalise(answer.error || answer.text.slice(0, 80));
}

export function classify(
  kind: FailureKind,
  plan: Plan,
  answer: Answer,
  detail: string,
  log: string,
): Omit<FailureClass, 'count' | 'example'> {
  const reason = plan.forbiddenBecause?.replace(/:.*$/, '').replace(/ as .*$/, ' as another content type') ?? '';
  const signature =
    kind === 'connection reset instead of an answer to an oversized request'
      ? 'EPIPE/ECONNRESET while the body was still being sent'
      : kind === 'server error (5xx)' || kind === 'no HTTP answer'
        ? errorSignature(log, answer)
        : kind === 'accepted (2xx) a request its OpenAPI document forbids'
          ? reason
          : kind === 'the database changed although the request was refused'
            ? detail
                .split('; ')
                .map((part) => part.split(':')[0])
                .join(', ')
            : plan.persona.kind;
  // Where the connection is closed does not depend on the route: one class for all of them.
  const label =
    kind === 'connection reset instead of an answer to an oversized request'
      ? `(any route), ${plan.request.body && plan.request.body.length > 4_000_000 ? 'raw image over 10 MB' : 'over 1 MiB or 16 KB of headers'}`
      : reason.startsWith('body is not UTF-8')
        ? '(any route with a JSON body)'
        : plan.operation.label;
  const status =
    kind === 'connection reset instead of an answer to an oversized request'
      ? 'reset'
      : String(answer.status ?? answer.error ?? '?');
  return { kind, label, status, signature };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function excerpt(text: string, length = 400): string {
  const shown = JSON.stringify(text.slice(0, length)).slice(1, -1);
  return text.length > length ? `${shown}… (${text.length} characters in all)` : shown;
}

// A reproduction a person can paste: the curl command (body shortened), the answer, the log.
export function describe(failure: FailureClass, baseUrl: string): string {
  const { plan, answer, detail, log, minimalBody } = failure.example;
  const headers = Object.entries(plan.request.headers).map(
    ([name, value]) => `-H ${shellQuote(`${name}: ${value.length > 80 ? `${value.slice(0, 80)}…` : value}`)}`,
  );
  const body = minimalBody ?? plan.bodyExcerpt;
  const size = /^<(\d+) bytes of /.exec(body)?.[1];
  // Bodies too big to print are rebuilt by the shell: that many bytes of the letter A.
  // JSON text is printable as it is (it escapes control characters itself); anything else is shown escaped.
  const isPrintable = ![...body].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
  const shown = isPrintable
    ? body.length > 600
      ? `${body.slice(0, 600)}… (${body.length} characters in all)`
      : body
    : `${excerpt(body)} (control characters shown escaped)`;
  const data = size
    ? ` --data-binary @<(head -c ${size} /dev/zero | tr '\\0' A)`
    : body
      ? ` --data-binary ${shellQuote(shown)}`
      : '';
  const target = plan.request.target.length > 300 ? `${plan.request.target.slice(0, 300)}…` : plan.request.target;
  return [
    `✗ ${failure.kind}: ${failure.label} → ${failure.status} (seen ${failure.count}×)`,
    `  as ${plan.persona.name}${plan.forbiddenBecause ? `; the document forbids it: ${plan.forbiddenBecause}` : ''}${detail ? `; ${detail}` : ''}`,
    `  curl -sS -X ${plan.request.method} ${shellQuote(baseUrl + target)} ${headers.join(' ')}${data}`,
    ...(minimalBody ? [`  (minimal body found by removing fields; the first body was: ${excerpt(plan.bodyExcerpt, 200)})`] : []),
    `  answer: ${answer.status ?? 'none'} ${answer.error ?? ''} ${excerpt(answer.text, 300)}`,
    ...(errorLines(log) ? [`  product log:\n${errorLines(log).replace(/^/gm, '    ')}`] : []),
  ].join('\n');
}

export function findingsMarkdown(failures: FailureClass[], baseUrl: string, settings: string): string {
  const byKind = new Map<string, FailureClass[]>();
  for (const failure of failures) byKind.set(failure.kind, [...(byKind.get(failure.kind) ?? []), failure]);
  const sections = [...byKind].map(
    ([kind, list]) =>
      `## ${kind} (${list.length} classes)\n\n${list.map((failure) => `\`\`\`\n${describe(failure, baseUrl)}\n\`\`\``).join('\n\n')}`,
  );
  return `# Fuzz findings (${settings})\n\n${failures.length} failure classes.\n\n${sections.join('\n\n')}\n`;
}
