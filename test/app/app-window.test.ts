/**
 * `lectern start` opens like an app: a Chromium-family browser in app mode with a profile of its own, else the default
 * browser; a second start on the same data folder reopens the running one. Real processes throughout; the browsers
 * are small scripts that write down the arguments they were given.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { findAppBrowser, isChromiumFamily } from '../../src/app/desktop/app-browsers.js';
import { instanceProof, LAUNCH_LINK_PATH } from '../../src/app/server/instance-handshake.js';
import { CHECKOUT_APP, startAppProcess } from '../support/app-process.js';
import { http } from '../support/http.js';
import { startLockHolder, stopProcess } from '../support/lock-holder.js';
import { makeTempDir } from '../support/temp-dir.js';

const TEST_TIMEOUT_MS = 60_000;

/** A program named `name` in `dir` that writes the arguments it got, one per line, to `<its path>.args`. */
function fakeBrowser(dir: string, name: string): { path: string; args: () => Promise<string[]>; ran: () => boolean } {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$@" > "$0.args.tmp" && /bin/mv "$0.args.tmp" "$0.args"\n`);
  chmodSync(path, 0o755);
  return {
    path,
    ran: () => existsSync(`${path}.args`),
    args: async () => {
      while (!existsSync(`${path}.args`)) await sleep(50);
      return readFileSync(`${path}.args`, 'utf8').trimEnd().split('\n');
    },
  };
}

/** `lectern start` (checkout) run to its end; for a second start, which exits once it has reopened the first. */
async function runStart(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(CHECKOUT_APP.command, [...CHECKOUT_APP.args, 'start', ...args], { cwd: CHECKOUT_APP.cwd, env: { ...process.env, ...env } });
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

function appWindowArgs(url: string, dataDir: string): string[] {
  return [`--app=${url}`, `--user-data-dir=${join(dataDir, 'app-window')}`, '--no-first-run', '--no-default-browser-check'];
}

describe('opening the app', () => {
  test('a Chromium-family browser found on PATH opens the launch link as an app window with its own 0700 profile in the data folder', { timeout: TEST_TIMEOUT_MS }, async () => {
    const bin = makeTempDir();
    const chromium = fakeBrowser(bin, 'chromium');
    const data = join(makeTempDir(), 'data');
    const app = await startAppProcess(data, { PATH: bin }, CHECKOUT_APP, []);
    assert.deepEqual(await chromium.args(), appWindowArgs(app.launchUrl, data));
    assert.equal(statSync(join(data, 'app-window')).mode & 0o777, 0o700);
    assert.equal(await app.stop(), 0);
  });

  test('--browser PATH wins over the browser found; a browser outside the Chromium family gets the plain link', { timeout: TEST_TIMEOUT_MS }, async () => {
    const bin = makeTempDir();
    const chromium = fakeBrowser(bin, 'chromium');
    const firefox = fakeBrowser(makeTempDir(), 'firefox');
    const app = await startAppProcess(join(makeTempDir(), 'data'), { PATH: bin }, CHECKOUT_APP, ['--browser', firefox.path]);
    assert.deepEqual(await firefox.args(), [app.launchUrl]);
    assert.equal(chromium.ran(), false);
    assert.equal(await app.stop(), 0);
  });

  test('with no Chromium-family browser, the default browser opens the link (xdg-open on Linux)', { timeout: TEST_TIMEOUT_MS }, async () => {
    const bin = makeTempDir();
    const xdgOpen = fakeBrowser(bin, 'xdg-open');
    const data = join(makeTempDir(), 'data');
    const app = await startAppProcess(data, { PATH: bin }, CHECKOUT_APP, []);
    assert.deepEqual(await xdgOpen.args(), [app.launchUrl]);
    assert.equal(existsSync(join(data, 'app-window')), false, 'no app-window profile for a browser that cannot use it');
    assert.equal(await app.stop(), 0);
  });

  test('--no-open opens nothing; --browser with a program that cannot run warns and keeps the printed link', { timeout: TEST_TIMEOUT_MS }, async () => {
    const bin = makeTempDir();
    const chromium = fakeBrowser(bin, 'chromium');
    const quiet = await startAppProcess(join(makeTempDir(), 'data'), { PATH: bin });
    assert.equal(await quiet.stop(), 0);
    assert.equal(chromium.ran(), false);
    const missing = await startAppProcess(join(makeTempDir(), 'data'), { PATH: bin }, CHECKOUT_APP, ['--browser', join(bin, 'no-such-browser')]);
    assert.equal(await missing.stop(), 0);
    assert.equal(chromium.ran(), false);
  });

  test('each OS has its places for Chromium-family browsers, first found wins', () => {
    const only = (path: string) => (candidate: string) => candidate === path;
    assert.equal(
      findAppBrowser({ platform: 'darwin', home: '/Users/ada', isExecutable: only('/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge') }),
      '/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
    const windowsEnv = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
    assert.equal(
      findAppBrowser({ platform: 'win32', env: windowsEnv, isExecutable: only('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe') }),
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    );
    assert.equal(
      findAppBrowser({ platform: 'linux', env: { PATH: '/usr/local/bin:/usr/bin' }, isExecutable: (path) => path === '/usr/bin/chromium' || path === '/usr/bin/brave-browser' }),
      '/usr/bin/chromium',
    );
    assert.equal(findAppBrowser({ platform: 'linux', env: { PATH: '/usr/bin' }, isExecutable: () => false }), null);
    assert.deepEqual(
      ['chrome.exe', 'msedge.exe', 'google-chrome-stable', 'Brave Browser', 'firefox', 'safari', 'xdg-open'].map(isChromiumFamily),
      [true, true, true, true, false, false, false],
    );
  });
});

describe('one instance per data folder', () => {
  test('a second lectern start gets a new one-time link from the running one, opens it in the app window and exits 0', { timeout: TEST_TIMEOUT_MS }, async () => {
    const data = join(makeTempDir(), 'data');
    const first = await startAppProcess(data);
    const bin = makeTempDir();
    const chromium = fakeBrowser(bin, 'chromium');

    const second = await runStart(['--data-dir', data], { PATH: bin });
    assert.equal(second.code, 0, second.stderr);
    const link = /Lectern is already running for this data folder\. Open this new link \(it works once\):\n {2}(\S+)\n$/.exec(second.stdout)?.[1];
    assert.ok(link, second.stdout);
    assert.equal(new URL(link).origin, first.origin);
    assert.deepEqual(await chromium.args(), appWindowArgs(link, data));

    const path = new URL(link).pathname + new URL(link).search;
    const exchanged = await http(first.port, { path });
    assert.equal(exchanged.status, 303);
    const cookie = String(exchanged.headers['set-cookie']).split(';')[0]!;
    const listed = await http(first.port, { method: 'POST', path: '/api/invoke/profile_list', headers: { cookie, origin: first.origin }, body: '{}' });
    assert.equal(listed.status, 200);
    assert.equal((await http(first.port, { path })).status, 403, 'the new link works once');
    assert.equal((await first.post('profile_list', {})).status, 200, 'the first window keeps its session');

    assert.equal(await first.stop(), 0);
    assert.equal(existsSync(join(data, 'lectern.instance')), false, 'the instance file goes with the process');
  });

  test('the instance file is 0600 and holds no launch token; the link route refuses browsers, wrong proofs and replays', { timeout: TEST_TIMEOUT_MS }, async () => {
    const data = join(makeTempDir(), 'data');
    const app = await startAppProcess(data);
    const file = join(data, 'lectern.instance');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const instance = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; port: number; secret: string };
    assert.deepEqual([instance.pid, instance.port], [app.child.pid, app.port]);
    assert.equal(readFileSync(file, 'utf8').includes(app.launchToken), false);

    const secret = Buffer.from(instance.secret, 'base64url');
    const nonce = randomBytes(32).toString('base64url');
    const ask = (body: unknown, headers: Record<string, string> = {}) =>
      http(app.port, { method: 'POST', path: LAUNCH_LINK_PATH, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const codeOf = (answer: { body: string }) => (JSON.parse(answer.body) as { error?: { code: string } }).error?.code;

    const guessed = await ask({ nonce, proof: instanceProof(randomBytes(32), 'request', nonce) });
    assert.deepEqual([guessed.status, codeOf(guessed)], [403, 'instance_proof_invalid']);
    const fromAPage = await ask({ nonce, proof: instanceProof(secret, 'request', nonce) }, { origin: app.origin });
    assert.deepEqual([fromAPage.status, codeOf(fromAPage)], [403, 'cross_site_refused']);
    const rebound = await ask({ nonce, proof: instanceProof(secret, 'request', nonce) }, { host: `attacker.test:${app.port}` });
    assert.equal(rebound.status, 421);

    const granted = await ask({ nonce, proof: instanceProof(secret, 'request', nonce) });
    assert.equal(granted.status, 200);
    const answer = JSON.parse(granted.body) as { launchUrl: string; proof: string };
    assert.equal(answer.proof, instanceProof(secret, 'answer', nonce, answer.launchUrl));
    const replayed = await ask({ nonce, proof: instanceProof(secret, 'request', nonce) });
    assert.deepEqual([replayed.status, codeOf(replayed)], [403, 'instance_proof_invalid']);
    assert.equal(await app.stop(), 0);
  });

  test('a second start never opens a link that a process on the instance port cannot prove, and never sends it the secret', { timeout: TEST_TIMEOUT_MS }, async () => {
    const data = join(makeTempDir(), 'data');
    const holder = await startLockHolder(data);
    after(() => stopProcess(holder));
    const received: string[] = [];
    const squatter = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk));
      request.on('end', () => {
        received.push(body);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ launchUrl: `http://127.0.0.1:${port}/auth?token=forged`, proof: 'made-up' }));
      });
    });
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    after(() => squatter.close());
    const port = (squatter.address() as AddressInfo).port;
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(join(data, 'lectern.instance'), JSON.stringify({ pid: holder.pid, port, secret }), { mode: 0o600 });
    const bin = makeTempDir();
    const chromium = fakeBrowser(bin, 'chromium');

    const second = await runStart(['--data-dir', data], { PATH: bin });
    assert.equal(second.code, 4);
    assert.match(second.stderr, /^Problem \(data_dir_locked\): /);
    assert.equal(chromium.ran(), false);
    assert.equal(received.length, 1);
    assert.equal(received[0]!.includes(secret), false);
  });
});
