import type { AlertPayload } from '../AlertPayload';
import { emailFacts } from './emailFacts';
import { formatEmailHtml } from './formatEmailHtml';
import { formatEmailText } from './formatEmailText';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** An alert as an e-mail: subject, plain-text part and HTML part, with the same facts. */
export function formatEmail(payload: AlertPayload): EmailContent {
  const facts = emailFacts(payload);
  return { subject: facts.subject, text: formatEmailText(facts), html: formatEmailHtml(facts) };
}
