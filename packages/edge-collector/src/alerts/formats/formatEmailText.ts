import type { EmailFacts } from './emailFacts';

/** The plain-text part of an e-mail alert. */
export function formatEmailText(facts: EmailFacts): string {
  const sections: string[] = [facts.message];
  const issue = [facts.title, facts.culprit].filter((line) => line !== null).join('\n');
  if (issue) sections.push(issue);
  if (facts.summary) sections.push(facts.summary);
  if (facts.figures.length > 0) {
    sections.push(facts.figures.map(([label, value]) => `${label}: ${value}`).join('\n'));
  }
  if (facts.stack) {
    const indented = facts.stack
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
    sections.push(`Stack:\n${indented}`);
  }
  if (facts.link) sections.push(`${facts.link.label}: ${facts.link.href}`);
  sections.push(`-- \n${facts.footer}`);
  return `${sections.join('\n\n')}\n`;
}
