import type { Language } from '@talkoot/platform/schemas';

// A mail is a short list of blocks; this file turns them into accessible HTML and plain text,
// so every template gets the same large type, button and escaping without repeating them.
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; href: string }
  | { kind: 'code'; label: string; code: string }
  | { kind: 'facts'; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: 'link-fallback'; text: string; href: string }
  | { kind: 'note'; text: string }
  // A labelled list, one item a line: dates of a series, steps of key instructions.
  | { kind: 'list'; label: string; items: readonly string[] }
  // A heading inside the mail, such as one day of a digest.
  | { kind: 'heading'; text: string }
  // Linked entries, one a line: `mark` is a status in words ("PERUTTU"), never colour alone.
  | { kind: 'link-list'; items: readonly MailLinkItem[] }
  // A short line that must carry its address in both parts, such as "Stop these letters: <link>".
  | { kind: 'link-line'; text: string; href: string };

export interface MailLinkItem {
  // Printed before the title, e.g. the time "17.00".
  lead?: string;
  mark?: string;
  title: string;
  href: string;
  details: readonly string[];
}

export interface MailContent {
  subject: string;
  blocks: readonly MailBlock[];
  // Signature and "do not reply" line.
  closing: readonly string[];
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

// Dark green on white and white on dark green both exceed WCAG AAA contrast (7:1).
const colors = { text: '#1a1a1a', muted: '#3d3d3d', accent: '#1d5e3a', page: '#f2efe8', card: '#ffffff' };
const font = 'font-family:Arial,Helvetica,sans-serif;';

function blockToHtml(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 20px;">${escapeHtml(block.text)}</p>`;
    case 'button':
      return (
        `<p style="margin:28px 0;"><a href="${escapeHtml(block.href)}" style="${font}display:inline-block;` +
        `padding:16px 28px;background:${colors.accent};color:#ffffff;font-size:22px;font-weight:bold;` +
        `text-decoration:none;border-radius:8px;">${escapeHtml(block.label)}</a></p>`
      );
    case 'code':
      return (
        `<p style="margin:0 0 8px;">${escapeHtml(block.label)}</p>` +
        `<p style="margin:0 0 24px;font-size:34px;font-weight:bold;letter-spacing:6px;` +
        `font-family:'Courier New',Courier,monospace;">${escapeHtml(block.code)}</p>`
      );
    case 'facts':
      return (
        `<table role="presentation" style="margin:0 0 20px;border-collapse:collapse;font-size:20px;">` +
        block.rows
          .map(
            ([label, value]) =>
              `<tr><td style="padding:4px 16px 4px 0;color:${colors.muted};vertical-align:top;">${escapeHtml(label)}</td>` +
              `<td style="padding:4px 0;font-weight:bold;">${escapeHtml(value)}</td></tr>`,
          )
          .join('') +
        `</table>`
      );
    case 'link-fallback':
      return (
        `<p style="margin:0 0 20px;font-size:18px;color:${colors.muted};">${escapeHtml(block.text)}<br>` +
        `<a href="${escapeHtml(block.href)}" style="color:${colors.accent};word-break:break-all;">${escapeHtml(block.href)}</a></p>`
      );
    case 'note':
      return `<p style="margin:0 0 20px;font-size:18px;color:${colors.muted};">${escapeHtml(block.text)}</p>`;
    case 'list':
      return (
        `<p style="margin:0 0 8px;font-weight:bold;">${escapeHtml(block.label)}</p>` +
        `<ul style="margin:0 0 20px;padding:0 0 0 28px;">` +
        block.items.map((item) => `<li style="margin:0 0 6px;">${escapeHtml(item)}</li>`).join('') +
        `</ul>`
      );
    case 'heading':
      return `<h2 style="margin:28px 0 8px;font-size:22px;line-height:1.3;">${escapeHtml(block.text)}</h2>`;
    case 'link-list':
      return `<ul style="margin:0 0 20px;padding:0;list-style:none;">` + block.items.map(linkItemToHtml).join('') + `</ul>`;
    case 'link-line':
      return (
        `<p style="margin:0 0 20px;font-size:18px;color:${colors.muted};">${escapeHtml(block.text)} ` +
        `<a href="${escapeHtml(block.href)}" style="color:${colors.accent};word-break:break-all;">${escapeHtml(block.href)}</a></p>`
      );
  }
}

function linkItemToHtml(item: MailLinkItem): string {
  const lead = item.lead ? `${escapeHtml(item.lead)} ` : '';
  const mark = item.mark ? `<strong>${escapeHtml(item.mark)}:</strong> ` : '';
  const details = item.details
    .map((detail) => `<br><span style="font-size:18px;color:${colors.muted};">${escapeHtml(detail)}</span>`)
    .join('');
  return (
    `<li style="margin:0 0 14px;">${lead}${mark}` +
    `<a href="${escapeHtml(item.href)}" style="color:${colors.accent};font-weight:bold;">${escapeHtml(item.title)}</a>${details}</li>`
  );
}

function linkItemToText(item: MailLinkItem): string {
  const first = `- ${item.lead ? `${item.lead} ` : ''}${item.mark ? `${item.mark}: ` : ''}${item.title}`;
  return [first, ...item.details.map((detail) => `  ${detail}`), `  ${item.href}`].join('\n');
}

function blockToText(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return block.text;
    case 'button':
      return `${block.label}:\n${block.href}`;
    case 'code':
      return `${block.label}\n\n    ${block.code}`;
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'list':
      return [block.label, ...block.items.map((item) => `- ${item}`)].join('\n');
    // The plain-text part already shows the address next to the button's label.
    case 'link-fallback':
      return '';
    case 'heading':
      return `${block.text}\n${'='.repeat(block.text.length)}`;
    case 'link-list':
      return block.items.map(linkItemToText).join('\n\n');
    case 'link-line':
      return `${block.text}\n${block.href}`;
  }
}

export function renderMailContent(content: MailContent, language: Language): RenderedMail {
  const body = content.blocks.map(blockToHtml).join('\n');
  const closing = content.closing.map((line) => escapeHtml(line)).join('<br>');
  const html = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background:${colors.page};">
<div role="article" aria-label="${escapeHtml(content.subject)}" lang="${language}" style="${font}max-width:600px;margin:0 auto;padding:32px 24px;background:${colors.card};color:${colors.text};font-size:20px;line-height:1.5;">
${body}
<p style="margin:32px 0 0;font-size:18px;color:${colors.muted};">${closing}</p>
</div>
</body>
</html>
`;
  const text = [...content.blocks.map(blockToText).filter((part) => part !== ''), content.closing.join('\n')].join('\n\n') + '\n';
  return { subject: content.subject, html, text };
}
