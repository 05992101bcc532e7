import type { EmailFacts } from './emailFacts';

/** Everything in an alert may come from an event: none of it may be read as markup. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The HTML part of an e-mail alert: a plain document with inline styles only (mail
 * clients drop style sheets), every text escaped, the one link an http(s) URL.
 */
export function formatEmailHtml(facts: EmailFacts): string {
  const muted = 'color:#6b7280';
  const parts: string[] = [
    `<p style="font-size:16px;margin:0 0 12px">${escapeHtml(facts.message)}</p>`,
  ];
  if (facts.title) {
    const title = escapeHtml(facts.title);
    const heading = facts.link ? `<a href="${escapeHtml(facts.link.href)}">${title}</a>` : title;
    parts.push(`<h2 style="font-size:18px;margin:0 0 4px">${heading}</h2>`);
  }
  if (facts.culprit) {
    parts.push(`<p style="margin:0 0 8px"><code>${escapeHtml(facts.culprit)}</code></p>`);
  }
  if (facts.summary)
    parts.push(`<p style="${muted};margin:0 0 12px">${escapeHtml(facts.summary)}</p>`);
  if (facts.figures.length > 0) {
    const rows = facts.figures
      .map(
        ([label, value]) =>
          `<tr><th style="text-align:left;padding:2px 12px 2px 0;${muted}">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
      )
      .join('');
    parts.push(`<table style="border-collapse:collapse;margin:0 0 12px">${rows}</table>`);
  }
  if (facts.stack) {
    parts.push(
      `<pre style="background:#f3f4f6;padding:8px;white-space:pre-wrap;margin:0 0 12px">${escapeHtml(facts.stack)}</pre>`,
    );
  }
  if (facts.link) {
    parts.push(
      `<p style="margin:0 0 12px"><a href="${escapeHtml(facts.link.href)}">${escapeHtml(facts.link.label)}</a></p>`,
    );
  }
  parts.push(`<p style="${muted};font-size:12px;margin:16px 0 0">${escapeHtml(facts.footer)}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(facts.subject)}</title></head><body style="font-family:system-ui,sans-serif;color:#111827">${parts.join('\n')}</body></html>\n`;
}
