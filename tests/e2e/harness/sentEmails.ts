import { readFile } from 'node:fs/promises';
import PostalMime, { type Email } from 'postal-mime';
import type { Collector } from './collector';

/**
 * wrangler dev's send_email simulation writes each message to a temp .eml file and
 * logs (at level info) `send_email binding called with the following message:` and
 * the file's path on the next line. Colours may wrap the first line.
 */
const SENT = /send_email binding called with the following message:\S*\s+(\S+\.eml)/g;

/** Every message the collector's EMAIL binding sent so far, parsed from its .eml file. */
export async function sentEmails(collector: Collector): Promise<Email[]> {
  const paths = [...collector.output().matchAll(SENT)].map((match) => match[1] as string);
  return Promise.all(paths.map(async (path) => PostalMime.parse(await readFile(path))));
}
