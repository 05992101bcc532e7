import { html } from 'htm/preact';
import { useState } from 'preact/hooks';

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton(props: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(props.text).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return html`<button type="button" class="small" onClick=${copy}>
    ${copied ? 'Copied' : (props.label ?? 'Copy')}
  </button>`;
}
