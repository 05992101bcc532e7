import { html } from 'htm/preact';
import { type ExceptionValue, StackTrace } from './StackTrace';

/** The exception and its causes: the one that was thrown last (the top one) first. */
export function ExceptionChain(props: { values: ExceptionValue[] }) {
  const chain = [...props.values].reverse();
  return html`<section class="exceptions" aria-label="Exception">
    ${chain.map(
      (exception, index) => html`<article key=${index} class="exception">
        ${index > 0 && html`<p class="muted small">caused</p>`}
        <h3>
          <span class="exception-type">${exception.type ?? 'Error'}</span>
          ${exception.module && html` <span class="muted">(${exception.module})</span>`}
        </h3>
        <p class="exception-value">${exception.value ?? ''}</p>
        ${
          exception.mechanism &&
          html`<p class="muted small">
            mechanism ${exception.mechanism.type ?? '?'},
            ${exception.mechanism.handled === false ? ' unhandled' : ' handled'}
          </p>`
        }
        <${StackTrace} exception=${exception} />
      </article>`,
    )}
  </section>`;
}
