import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';

/** Ready-to-copy setup for each kind of client, with the project's DSN filled in. */
function snippets(dsn: string): [string, string][] {
  const origin = new URL(dsn.replace(/\/\/[^@]+@/, '//')).origin;
  return [
    [
      'Script tag',
      `<script src="${origin}/sdk/loader.min.js"></script>\n<script>Faultline.init({ dsn: '${dsn}', release: 'my-app@1.0.0' });</script>`,
    ],
    [
      'npm',
      `npm install @faultline/browser\n\nimport { init } from '@faultline/browser';\ninit({ dsn: '${dsn}', release: 'my-app@1.0.0' });`,
    ],
    [
      'Python',
      `pip install sentry-sdk\n\nimport sentry_sdk\nsentry_sdk.init(dsn="${dsn}", release="my-app@1.0.0")`,
    ],
    [
      'Django',
      `# settings.py\nimport sentry_sdk\nfrom sentry_sdk.integrations.django import DjangoIntegration\n\nsentry_sdk.init(dsn="${dsn}", integrations=[DjangoIntegration()], traces_sample_rate=0.2)`,
    ],
    [
      'FastAPI',
      `import sentry_sdk\nfrom fastapi import FastAPI\n\nsentry_sdk.init(dsn="${dsn}", traces_sample_rate=0.2)  # before creating the app\napp = FastAPI()`,
    ],
  ];
}

export function SetupSnippets(props: { dsn: string }) {
  const all = snippets(props.dsn);
  const [chosen, setChosen] = useState(0);
  const [label, code] = all[chosen] ?? all[0] ?? ['', ''];
  return html`<div class="setup">
    <p class="dsn">
      <span class="muted">DSN</span> <code>${props.dsn}</code> <${CopyButton} text=${props.dsn} />
    </p>
    <div role="group" aria-label="Setup for" class="segmented">
      ${all.map(
        ([name], index) =>
          html`<button type="button" aria-pressed=${index === chosen} onClick=${() => setChosen(index)}>
            ${name}
          </button>`,
      )}
    </div>
    <pre aria-label=${`${label} setup`} tabindex="0"><code>${code}</code></pre>
    <${CopyButton} text=${code} label="Copy snippet" />
  </div>`;
}
