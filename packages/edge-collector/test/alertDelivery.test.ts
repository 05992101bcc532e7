import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../src/alerts/AlertPayload';
import { formatDiscord } from '../src/alerts/formats/formatDiscord';
import { formatSlack } from '../src/alerts/formats/formatSlack';
import { nextAttemptAt, parseRetryAfter } from '../src/alerts/retrySchedule';
import { signPayload } from '../src/alerts/signPayload';
import { webhookUrlProblem } from '../src/alerts/webhookUrlProblem';

function payload(title: string, message = `New issue in shop: ${title}`): AlertPayload {
  return {
    id: 'd'.repeat(32),
    type: 'alert.new_issue',
    trigger: 'new_issue',
    message,
    firedAt: '2026-01-01T12:00:00.000Z',
    rule: { id: '1', name: 'New issues and regressions' },
    project: { id: '1', name: 'shop' },
    issue: {
      id: '7',
      title,
      culprit: 'checkout(app.js)',
      level: 'error',
      status: 'unresolved',
      count: 1,
      userCount: 0,
      firstSeen: '2026-01-01T12:00:00.000Z',
      lastSeen: '2026-01-01T12:00:00.000Z',
      url: 'https://errors.example.com/dashboard/issues/7/',
    },
    event: {
      id: 'e'.repeat(32),
      level: 'error',
      release: 'shop@1.4.0',
      environment: 'production',
      tags: {},
      frames: [{ function: 'checkout', filename: 'app.js', lineno: 12, colno: 18 }],
    },
    threshold: null,
    suppressedEvents: 0,
  };
}

describe('webhook URLs', () => {
  it('refuses loopback, private and link-local targets in production', () => {
    for (const url of [
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://10.1.2.3/',
      'https://172.20.0.1/',
      'https://192.168.1.1/',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/',
      'https://0.0.0.0/',
      'https://2130706433/', // 127.0.0.1 as one number
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[fd00::1]/',
      'https://[fe80::1]/',
      'https://metadata.google.internal/',
    ]) {
      expect(webhookUrlProblem(url, 'production'), url).toMatch(/loopback, private/);
    }
    expect(webhookUrlProblem('http://hooks.example.com/', 'production')).toBe('must be https');
    expect(webhookUrlProblem('ftp://hooks.example.com/', 'production')).toMatch(/https/);
    expect(webhookUrlProblem('https://user:pw@hooks.example.com/', 'production')).toMatch(
      /credentials/,
    );
    expect(webhookUrlProblem('https://hooks.slack.com/services/T/B/x', 'production')).toBeNull();
  });

  it('allows http only to loopback in local mode', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', 'local')).toBeNull();
    expect(webhookUrlProblem('http://localhost:8080/hook', 'local')).toBeNull();
    expect(webhookUrlProblem('http://10.0.0.5/hook', 'local')).toMatch(/loopback/);
    expect(webhookUrlProblem('https://192.168.1.1/', 'local')).toBeNull();
  });
});

describe('signing', () => {
  it('signs timestamp + "." + body with HMAC-SHA256', async () => {
    // Expected value from Node: createHmac('sha256', secret).update('1700000000.{"a":1}')
    expect(await signPayload('whsec_test', 1_700_000_000, '{"a":1}')).toBe(
      'v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });
});

describe('retry schedule', () => {
  it('backs off exponentially from 30 s and gives up after 24 hours', () => {
    const createdAt = 0;
    const delays = [1, 2, 3, 4].map(
      (attempts) => (nextAttemptAt({ attempts, createdAt, now: 0 }) ?? 0) / 1000,
    );
    expect(delays).toEqual([30, 60, 120, 240]);
    expect(nextAttemptAt({ attempts: 30, createdAt, now: 0 })).toBe(6 * 3600 * 1000);
    expect(nextAttemptAt({ attempts: 12, createdAt, now: 23 * 3600 * 1000 })).toBeNull();
  });

  it('waits at least as long as a 429 asks', () => {
    const now = 1_000_000;
    expect(nextAttemptAt({ attempts: 1, createdAt: now, now, retryAfterMs: 120_000 })).toBe(
      now + 120_000,
    );
    expect(parseRetryAfter('7', '', now)).toBe(7000);
    expect(parseRetryAfter(null, '{"message":"rate limited","retry_after":1.5}', now)).toBe(1500);
    expect(parseRetryAfter(new Date(now + 60_000).toUTCString(), '', now)).toBe(60_000);
    expect(parseRetryAfter(null, 'nope', now)).toBeUndefined();
  });
});

describe('Slack and Discord messages', () => {
  it('escapes Slack control characters so an error cannot mention a channel', () => {
    const message = formatSlack(payload('Error: <!channel> & <@U123>')) as {
      text: string;
      blocks: { text?: { text: string } }[];
    };
    expect(message.text).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
    expect(message.blocks[1]?.text?.text).toContain(
      '<https://errors.example.com/dashboard/issues/7/|',
    );
  });

  it('keeps Discord embeds within Discord limits and disables mentions', () => {
    const huge = 'x'.repeat(10_000);
    const message = formatDiscord(payload(huge, `@everyone ${huge}`)) as {
      allowed_mentions: { parse: string[] };
      embeds: {
        title: string;
        description: string;
        fields: { name: string; value: string }[];
        footer: { text: string };
      }[];
    };
    const [embed] = message.embeds;
    expect(message.allowed_mentions.parse).toEqual([]);
    expect(embed?.title.length).toBeLessThanOrEqual(256);
    expect(embed?.description.length).toBeLessThanOrEqual(4096);
    const total =
      (embed?.title.length ?? 0) +
      (embed?.description.length ?? 0) +
      (embed?.footer.text.length ?? 0) +
      (embed?.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });
});
