import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

/** Asserts that loading `env` is refused with a ConfigError naming `variable` (and only it). */
function assertRefused(env: Record<string, string>, variable: string) {
  assert.throws(
    () => loadConfig(env),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
      assert.match(error.message, new RegExp(`\\b${variable}\\b`));
      assert.deepEqual(
        error.issues.map((i) => i.variable),
        [variable],
      );
      assert.ok(error.issues[0]!.message.length > 0);
      return true;
    },
  );
}

describe('loadConfig', () => {
  test('defaults when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, 'localhost');
    assert.equal(config.dataDir, resolve('./data'));
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.trustProxy, false);
    assert.equal(config.sessionTtlHours, 168);
  });

  test('reads valid values', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/tmp/arobase-x',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/arobase',
      SMTP_URL: 'smtps://user:pass@smtp.example.fr:465',
      LOG_LEVEL: 'warn',
      BASE_URL: 'https://arobase.example.fr/',
      TRUST_PROXY: 'true',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.dataDir, '/tmp/arobase-x');
    assert.equal(config.databaseUrl, 'postgres://postgres@127.0.0.1:5432/arobase');
    assert.equal(config.smtpUrl, 'smtps://user:pass@smtp.example.fr:465');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.baseUrl, 'https://arobase.example.fr', 'trailing slash dropped');
    assert.equal(config.trustProxy, true);
  });

  test('the page cache: 64 MB by default, 0 turns it off, a bad value names PAGE_CACHE_MB', () => {
    assert.equal(loadConfig({}).pageCacheBytes, 64 * 1024 * 1024);
    assert.equal(loadConfig({ PAGE_CACHE_MB: '0' }).pageCacheBytes, 0);
    assert.equal(loadConfig({ PAGE_CACHE_MB: '16' }).pageCacheBytes, 16 * 1024 * 1024);
    assertRefused({ PAGE_CACHE_MB: 'beaucoup' }, 'PAGE_CACHE_MB');
    assertRefused({ PAGE_CACHE_MB: '-1' }, 'PAGE_CACHE_MB');
    assertRefused({ PAGE_CACHE_MB: '100000' }, 'PAGE_CACHE_MB');
  });

  test('the default base URL follows PORT', () => {
    assert.equal(loadConfig({ PORT: '4321' }).baseUrl, 'http://localhost:4321');
  });

  test('empty strings count as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', SMTP_URL: '', LOG_LEVEL: '', DATA_DIR: '', BASE_URL: '' });
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.dataDir, resolve('./data'));
  });

  test('blank values count as unset too (a blank PORT is not port 0)', () => {
    const config = loadConfig({ PORT: '  ', DATABASE_URL: ' ', LOG_LEVEL: '\t' });
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.logLevel, 'info');
  });

  for (const port of ['abc', '70000', '-1', '3.5', '0x10', '1e3', '80 80']) {
    test(`PORT=${JSON.stringify(port)} is refused`, () => assertRefused({ PORT: port }, 'PORT'));
  }

  for (const url of ['mysql://localhost/arobase', 'localhost:5432', 'postgres://']) {
    test(`DATABASE_URL=${JSON.stringify(url)} is refused`, () => assertRefused({ DATABASE_URL: url }, 'DATABASE_URL'));
  }

  for (const url of ['http://smtp.example.fr', 'smtp.example.fr:25']) {
    test(`SMTP_URL=${JSON.stringify(url)} is refused`, () => assertRefused({ SMTP_URL: url }, 'SMTP_URL'));
  }

  test('an unknown LOG_LEVEL is refused', () => assertRefused({ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'));

  test('the message is in French and every wrong variable is named', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /^Configuration invalide/);
        assert.match(error.message, /PORT : doit être/);
        assert.match(error.message, /LOG_LEVEL : doit valoir/);
        return true;
      },
    );
  });
});

describe('loadConfig: single sign-on (OpenID Connect)', () => {
  const complete = { OIDC_ISSUER: 'https://auth.proconnect.gouv.fr/api/v2', OIDC_CLIENT_ID: 'arobase', OIDC_CLIENT_SECRET: 'secret' };

  test('off when no OIDC_ variable is set', () => {
    assert.equal(loadConfig({}).oidc, null);
  });

  test('the three required variables turn it on, with ProConnect defaults', () => {
    assert.deepEqual(loadConfig(complete).oidc, {
      issuer: 'https://auth.proconnect.gouv.fr/api/v2',
      clientId: 'arobase',
      clientSecret: 'secret',
      scopes: 'openid email given_name usual_name uid siret',
      providerName: 'ProConnect',
      emailsVerified: true,
    });
  });

  test('another provider is not trusted for unverified addresses unless OIDC_EMAILS_VERIFIED says so', () => {
    const other = { ...complete, OIDC_ISSUER: 'https://sso.example.fr/realms/agents', OIDC_SCOPES: ' openid  email profile ', OIDC_PROVIDER_NAME: 'Mon SSO' };
    const oidc = loadConfig(other).oidc;
    assert.equal(oidc?.emailsVerified, false);
    assert.equal(oidc?.scopes, 'openid email profile');
    assert.equal(oidc?.providerName, 'Mon SSO');
    assert.equal(loadConfig({ ...other, OIDC_EMAILS_VERIFIED: 'true' }).oidc?.emailsVerified, true);
    assert.equal(loadConfig({ ...complete, OIDC_EMAILS_VERIFIED: 'false' }).oidc?.emailsVerified, false);
  });

  test('a partial configuration refuses to start, naming each missing variable in French', () => {
    assertRefused({ OIDC_ISSUER: complete.OIDC_ISSUER, OIDC_CLIENT_ID: 'arobase' }, 'OIDC_CLIENT_SECRET');
    assert.throws(
      () => loadConfig({ OIDC_PROVIDER_NAME: 'ProConnect' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(
          error.issues.map((i) => i.variable),
          ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'],
        );
        assert.match(error.message, /OIDC_ISSUER : manquante\u00a0: OIDC_PROVIDER_NAME est définie/);
        return true;
      },
    );
  });

  for (const issuer of ['http://sso.example.fr', 'auth.proconnect.gouv.fr', 'ftp://localhost']) {
    test(`OIDC_ISSUER=${JSON.stringify(issuer)} is refused`, () => assertRefused({ ...complete, OIDC_ISSUER: issuer }, 'OIDC_ISSUER'));
  }

  test('http:// is accepted on this machine only (development, the tests’ provider)', () => {
    assert.equal(loadConfig({ ...complete, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer, 'http://127.0.0.1:4000');
  });

  test('scopes without openid are refused', () => assertRefused({ ...complete, OIDC_SCOPES: 'email profile' }, 'OIDC_SCOPES'));
});
