import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from '../src/alerts/webhookUrlProblem';

const REFUSED = /loopback, private/;

describe('webhook URLs on a deployed collector (SSRF guard)', () => {
  it('refuses loopback, private, CGNAT and link-local IPv4 addresses', () => {
    for (const url of [
      'https://127.0.0.1/hook',
      'https://127.255.0.9/hook',
      'https://10.1.2.3/',
      'https://172.20.0.1/',
      'https://192.168.1.1/',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/',
      'https://0.0.0.0/',
      'https://224.0.0.1/',
    ]) {
      expect(webhookUrlProblem(url, 'production'), url).toMatch(REFUSED);
    }
  });

  it('refuses IPv4 hosts spelled as one number, in hex, in octal or shortened', () => {
    for (const url of [
      'https://2130706433/', // 127.0.0.1 as one decimal number
      'https://0x7f000001/', // … as one hex number
      'https://0x7f.0x0.0x0.0x1/', // … hex per byte
      'https://0177.0.0.1/', // … octal
      'https://017700000001/', // … one octal number
      'https://127.1/', // … shortened
      'https://0xa9fea9fe/', // 169.254.169.254
      'https://3232235777/', // 192.168.1.1
      'https://127.0.0.1./', // a trailing dot
    ]) {
      expect(webhookUrlProblem(url, 'production'), url).toMatch(REFUSED);
    }
  });

  it('refuses IPv6 loopback, unique-local, link-local and IPv4-mapped addresses', () => {
    for (const url of [
      'https://[::1]/',
      'https://[0:0:0:0:0:0:0:1]/',
      'https://[::]/',
      'https://[fd00::1]/',
      'https://[fc12:3456::1]/',
      'https://[fe80::1]/',
      'https://[febf::1]/',
      'https://[fec0::1]/',
      'https://[ff02::1]/',
      'https://[::ffff:127.0.0.1]/', // IPv4-mapped
      'https://[::ffff:7f00:1]/', // … in hex
      'https://[::ffff:169.254.169.254]/',
      'https://[::ffff:0:10.0.0.1]/', // IPv4-translated
      'https://[::127.0.0.1]/', // IPv4-compatible
      'https://[64:ff9b::10.0.0.1]/', // NAT64
      'https://[2002:c0a8:101::1]/', // 6to4 of 192.168.1.1
    ]) {
      expect(webhookUrlProblem(url, 'production'), url).toMatch(REFUSED);
    }
  });

  it('refuses localhost and internal names, however spelled', () => {
    for (const url of [
      'https://localhost/hook',
      'https://LOCALHOST/hook',
      'https://localhost./hook',
      'https://api.localhost/hook',
      'https://printer.local/',
      'https://metadata.google.internal/',
      'https://nas.home.arpa/',
      'https://box.localdomain/',
    ]) {
      expect(webhookUrlProblem(url, 'production'), url).toMatch(REFUSED);
    }
  });

  it('accepts https on public hosts and addresses', () => {
    for (const url of [
      'https://hooks.slack.com/services/T/B/x',
      'https://discord.com/api/webhooks/1/abc',
      'https://93.184.215.14/hook',
      'https://[2606:4700::6810:84e5]/hook',
      'https://[::ffff:93.184.215.14]/hook',
    ]) {
      expect(webhookUrlProblem(url, 'production'), url).toBeNull();
    }
  });

  it('refuses plain http, other schemes, credentials and garbage', () => {
    expect(webhookUrlProblem('http://hooks.example.com/', 'production')).toBe('must be https');
    expect(webhookUrlProblem('http://127.0.0.1:8080/', 'production')).toBe('must be https');
    expect(webhookUrlProblem('ftp://hooks.example.com/', 'production')).toMatch(/https/);
    expect(webhookUrlProblem('https://user:pw@hooks.example.com/', 'production')).toMatch(
      /credentials/,
    );
    expect(webhookUrlProblem('not a url', 'production')).toBe('is not a valid URL');
  });
});

describe('webhook URLs on a local collector', () => {
  it('allows http only to loopback', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', 'local')).toBeNull();
    expect(webhookUrlProblem('http://localhost:8080/hook', 'local')).toBeNull();
    expect(webhookUrlProblem('http://[::1]:8080/hook', 'local')).toBeNull();
    expect(webhookUrlProblem('http://10.0.0.5/hook', 'local')).toMatch(/loopback/);
    expect(webhookUrlProblem('http://hooks.example.com/', 'local')).toMatch(/https/);
    expect(webhookUrlProblem('https://192.168.1.1/', 'local')).toBeNull();
  });
});
