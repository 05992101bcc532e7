import { html, render } from 'htm/preact';
import { App } from './App';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(html`<${App} />`, root);
}
