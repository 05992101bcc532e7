import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../src/alerts/AlertPayload';
import { formatDiscord } from '../src/alerts/formats/formatDiscord';
import { formatSlack } from '../src/alerts/formats/formatSlack';
import { truncate } from '../src/alerts/formats/truncate';
import { alertPayload } from './alertFixtures';

interface SlackMessage {
  text: string;
  blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
}

interface DiscordMessage {
  allowed_mentions: { parse: string[] };
  embeds: {
    title: string;
    description: string;
    fields: { name: string; value: string }[];
    footer: { text: string };
  }[];
}

/** A payload as large as an alert can get: every text huge, five frames of huge names. */
function hugePayload(unit: string): AlertPayload {
  const huge = unit.repeat(10_000);
  const payload = alertPayload(huge, `@everyone New issue in shop: ${huge}`);
  if (!payload.issue || !payload.event) throw new Error('fixture has an issue and an event');
  payload.project.name = huge;
  payload.issue.culprit = huge;
  payload.event.release = huge;
  payload.event.environment = huge;
  payload.event.frames = Array.from({ length: 5 }, (_, i) => ({
    function: `${huge}${i}`,
    filename: huge,
    lineno: i,
    colno: null,
  }));
  return payload;
}

function slackTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) =>
    block.text ? [block.text.text] : (block.elements ?? []).map((element) => element.text),
  );
}

describe('Slack messages', () => {
  it('escapes Slack control characters so an error cannot mention a channel', () => {
    const message = formatSlack(alertPayload('Error: <!channel> & <@U123>')) as SlackMessage;
    expect(message.text).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
    expect(message.blocks[1]?.text?.text).toContain('<https://errors.example.com/issues/7|');
  });

  it('keeps every block text within 3000 characters, even when escaping lengthens it', () => {
    for (const unit of ['x', '<', '&', '😀']) {
      const message = formatSlack(hugePayload(unit)) as SlackMessage;
      for (const text of [message.text, ...slackTexts(message)]) {
        expect(text.length, unit).toBeLessThanOrEqual(3000);
        expect(text, unit).not.toMatch(/&(a|am|l|g)?…/); // no entity cut in half
        expect(text, unit).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      }
    }
  });
});

describe('Discord messages', () => {
  it('keeps embeds within Discord limits (title 256, description 4096, 6000 in all) and disables mentions', () => {
    for (const unit of ['x', '😀', '`']) {
      const message = formatDiscord(hugePayload(unit)) as DiscordMessage;
      const [embed] = message.embeds;
      if (!embed) throw new Error('no embed');
      expect(message.allowed_mentions.parse).toEqual([]);
      expect(embed.title.length).toBeLessThanOrEqual(256);
      expect(embed.description.length).toBeLessThanOrEqual(4096);
      expect(embed.footer.text.length).toBeLessThanOrEqual(2048);
      for (const field of embed.fields) {
        expect(field.name.length).toBeLessThanOrEqual(256);
        expect(field.value.length).toBeLessThanOrEqual(1024);
      }
      const total =
        embed.title.length +
        embed.description.length +
        embed.footer.text.length +
        embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
      expect(total, unit).toBeLessThanOrEqual(6000);
      expect(embed.description).toMatch(/^@everyone New issue/); // still says what happened
    }
  });

  it('shows the whole alert when it is small', () => {
    const message = formatDiscord(alertPayload('TypeError: x is undefined')) as DiscordMessage;
    expect(message.embeds[0]).toMatchObject({
      title: 'TypeError: x is undefined',
      url: 'https://errors.example.com/issues/7',
      description: 'New issue in shop: TypeError: x is undefined\n`checkout(app.js)`',
      fields: [{ name: 'Stack', value: '```\ncheckout (app.js:12:18)\n```' }],
      footer: { text: 'shop · error · unresolved · 1 event · release shop@1.4.0 · production' },
    });
  });
});

describe('truncate', () => {
  it('cuts with an ellipsis and never splits a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('a😀b', 3)).toBe('a…');
  });
});
