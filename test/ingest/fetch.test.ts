import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { ParallaxError } from '../../src/errors.ts';
import { ACCEPT_FEED, ACCEPT_HTML, safeFetch } from '../../src/ingest/fetch.ts';
import { addressRange, isPublicAddress } from '../../src/ingest/net.ts';

const PAGE =
  '<!DOCTYPE html><html lang="en"><head><title>Quay news</title></head><body><p>The ferry left on time.</p></body></html>';

let server: Server;
let base = '';
const open = new Set<import('node:net').Socket>();

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (path === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (path === '/gzip' || path === '/br' || path === '/deflate') {
      const body = Buffer.from(PAGE);
      const encoded =
        path === '/gzip' ? gzipSync(body) : path === '/br' ? brotliCompressSync(body) : deflateSync(body);
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': path.slice(1) });
      res.end(encoded);
    } else if (hop) {
      const n = Number(hop[1]);
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/page' });
      res.end();
    } else if (path === '/loop') {
      res.writeHead(301, { location: '/loop' });
      res.end();
    } else if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>first');
      // never ends within the test's timeout
    } else if (path === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5000) });
      res.end('x'.repeat(5000));
    } else if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    } else if (path === '/bomb') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(200_000, 0x61)));
    } else if (path === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (path === '/conditional') {
      res.writeHead(req.headers['if-none-match'] === '"v1"' ? 304 : 200, {
        etag: '"v1"',
        'content-type': 'text/html',
      });
      res.end(req.headers['if-none-match'] === '"v1"' ? undefined : PAGE);
    } else if (path === '/untyped') {
      res.removeHeader('content-type');
      res.writeHead(200);
      res.end(PAGE);
    } else if (path === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<rss version="2.0"><channel><title>Quay</title></channel></rss>');
    } else if (path === '/to-other-host') {
      res.writeHead(302, { location: base.replace('127.0.0.1', '127.0.0.2') + '/page' });
      res.end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const socket of open) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const local = { allowPrivate: true };

async function rejectsWith(promise: Promise<unknown>, code: string, input?: string): Promise<ParallaxError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ParallaxError, `expected a ParallaxError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (input) assert.equal(error.input, input);
    return error;
  }
  assert.fail(`expected ${code}`);
}

describe('safeFetch against a local server (allowPrivate)', () => {
  test('fetches an HTML page with its media type and charset', async () => {
    const page = await safeFetch(`${base}/page`, { ...local, accept: ACCEPT_HTML });
    assert.equal(page.status, 200);
    assert.equal(page.contentType, 'text/html');
    assert.equal(page.charset, 'utf-8');
    assert.equal(page.body.toString('utf8'), PAGE);
    assert.equal(page.finalUrl, `${base}/page`);
  });

  for (const encoding of ['gzip', 'br', 'deflate']) {
    test(`decodes ${encoding}`, async () => {
      const page = await safeFetch(`${base}/${encoding}`, local);
      assert.equal(page.body.toString('utf8'), PAGE);
    });
  }

  test('follows a redirect chain and reports the final URL', async () => {
    const page = await safeFetch(`${base}/hop/2`, local);
    assert.equal(page.finalUrl, `${base}/page`);
    assert.equal(page.url, `${base}/hop/2`);
    assert.equal(page.body.toString('utf8'), PAGE);
  });

  test('stops after too many redirects', async () => {
    await rejectsWith(
      safeFetch(`${base}/loop`, { ...local, maxRedirects: 3 }),
      'URL_TOO_MANY_REDIRECTS',
      `${base}/loop`,
    );
    await rejectsWith(safeFetch(`${base}/hop/4`, { ...local, maxRedirects: 3 }), 'URL_TOO_MANY_REDIRECTS');
  });

  test('times out on a response that never ends', async () => {
    const started = Date.now();
    await rejectsWith(safeFetch(`${base}/slow`, { ...local, timeoutMs: 300 }), 'URL_TIMEOUT', `${base}/slow`);
    assert.ok(Date.now() - started < 3000);
  });

  test('refuses a body over the cap, by Content-Length and while streaming', async () => {
    await rejectsWith(
      safeFetch(`${base}/big-declared`, { ...local, maxBytes: 1000 }),
      'INPUT_TOO_LARGE',
      `${base}/big-declared`,
    );
    await rejectsWith(safeFetch(`${base}/big-chunked`, { ...local, maxBytes: 4000 }), 'INPUT_TOO_LARGE');
    const fits = await safeFetch(`${base}/big-chunked`, { ...local, maxBytes: 10_000 });
    assert.equal(fits.body.length, 10_000);
  });

  test('caps the decoded size too (a small gzip that inflates past the cap)', async () => {
    await rejectsWith(safeFetch(`${base}/bomb`, { ...local, maxBytes: 50_000 }), 'INPUT_TOO_LARGE');
  });

  test('checks the media type against the accept list', async () => {
    await rejectsWith(
      safeFetch(`${base}/image`, { ...local, accept: ACCEPT_HTML }),
      'URL_BAD_CONTENT_TYPE',
      `${base}/image`,
    );
    const feed = await safeFetch(`${base}/feed`, { ...local, accept: [...ACCEPT_HTML, ...ACCEPT_FEED] });
    assert.equal(feed.contentType, 'application/rss+xml');
    const any = await safeFetch(`${base}/image`, { ...local, accept: ['image/*'] });
    assert.equal(any.contentType, 'image/png');
    const untyped = await safeFetch(`${base}/untyped`, { ...local, accept: ACCEPT_HTML });
    assert.equal(untyped.contentType, '', 'no Content-Type: passed on for the caller to sniff');
    assert.equal(untyped.body.toString('utf8'), PAGE);
  });

  test('answers a 304 as a resource only when allowNotModified is set', async () => {
    const first = await safeFetch(`${base}/conditional`, local);
    assert.equal(first.headers.etag, '"v1"');
    const conditional = { ...local, headers: { 'if-none-match': '"v1"' } };
    const unchanged = await safeFetch(`${base}/conditional`, { ...conditional, allowNotModified: true });
    assert.equal(unchanged.status, 304);
    assert.equal(unchanged.body.length, 0);
    await rejectsWith(safeFetch(`${base}/conditional`, conditional), 'URL_BAD_STATUS');
  });

  test('reports a 404 as a bad status', async () => {
    const error = await rejectsWith(safeFetch(`${base}/missing`, local), 'URL_BAD_STATUS', `${base}/missing`);
    assert.match(error.message, /404/);
  });

  test('reports a closed port as unreachable', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await rejectsWith(safeFetch(`http://127.0.0.1:${port}/`, local), 'URL_UNREACHABLE');
  });
});

describe('safeFetch refuses what it must', () => {
  test('rejects non-http schemes and malformed URLs', async () => {
    await rejectsWith(safeFetch('file:///etc/passwd'), 'URL_INVALID', 'file:///etc/passwd');
    await rejectsWith(safeFetch('ftp://example.org/x'), 'URL_INVALID');
    await rejectsWith(safeFetch('not a url'), 'URL_INVALID', 'not a url');
  });

  test('refuses loopback and private literals without allowPrivate', async () => {
    await rejectsWith(safeFetch(`${base}/page`), 'URL_FORBIDDEN', `${base}/page`);
    for (const url of [
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0.0.0.0/',
      'http://2130706433/',
    ]) {
      await rejectsWith(safeFetch(url, { timeoutMs: 2000 }), 'URL_FORBIDDEN', url);
    }
  });

  test('refuses a host name that resolves to loopback (checked after DNS)', async () => {
    await rejectsWith(
      safeFetch(`http://localhost:${new URL(base).port}/page`, { timeoutMs: 2000 }),
      'URL_FORBIDDEN',
    );
  });

  test('refuses a redirect to a private address even when the first hop was allowed', async () => {
    const onlyTheTestServer = { allowAddress: (address: string) => address === '127.0.0.1', timeoutMs: 2000 };
    const page = await safeFetch(`${base}/page`, onlyTheTestServer);
    assert.equal(page.status, 200);
    // /to-other-host redirects to 127.0.0.2 (loopback too, but not the allowed test server).
    await rejectsWith(
      safeFetch(`${base}/to-other-host`, onlyTheTestServer),
      'URL_FORBIDDEN',
      `${base}/to-other-host`,
    );
  });
});

describe('address ranges', () => {
  test('public unicast addresses pass, special ranges do not', () => {
    for (const ok of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])
      assert.equal(isPublicAddress(ok), true, ok);
    const refused: Record<string, string> = {
      '127.0.0.1': 'loopback',
      '10.1.2.3': 'private',
      '172.16.5.4': 'private',
      '192.168.1.1': 'private',
      '169.254.169.254': 'linkLocal',
      '100.64.0.1': 'carrierGradeNat',
      '0.0.0.0': 'unspecified',
      '224.0.0.1': 'multicast',
      '::1': 'loopback',
      'fd00::1': 'uniqueLocal',
      'fe80::1': 'linkLocal',
      '::ffff:10.0.0.1': 'ipv4Mapped',
    };
    for (const [address, range] of Object.entries(refused)) {
      assert.equal(addressRange(address), range, address);
      assert.equal(isPublicAddress(address), false, address);
    }
    assert.equal(isPublicAddress('not-an-ip'), false);
  });
});
