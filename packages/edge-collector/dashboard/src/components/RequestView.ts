import { html } from 'htm/preact';
import { asText } from '../lib/format';
import { type EventRequest, toCurl } from '../lib/toCurl';
import { CopyButton } from './CopyButton';
import { KeyValues, Value } from './KeyValues';

/** The HTTP request the event happened in, as stored, with "copy as curl" to replay it. */
export function RequestView(props: { request: EventRequest }) {
  const { request } = props;
  const body = request.data === undefined ? '' : asText(request.data);
  return html`<div class="request">
    <p>
      <strong>${asText(request.method ?? 'GET')}</strong> <${Value} value=${request.url ?? ''} />
      <${CopyButton} text=${toCurl(request)} label="Copy as curl" />
    </p>
    ${request.query_string && html`<h4>Query</h4><${KeyValues} data=${typeof request.query_string === 'string' ? [...new URLSearchParams(request.query_string)] : request.query_string} />`}
    ${request.headers && html`<h4>Headers</h4><${KeyValues} data=${request.headers} />`}
    ${body && html`<h4>Body</h4><pre tabindex="0">${body}</pre>`}
    ${request.cookies !== undefined && html`<h4>Cookies</h4><${KeyValues} data=${typeof request.cookies === 'string' ? [['cookie', request.cookies]] : request.cookies} />`}
  </div>`;
}
