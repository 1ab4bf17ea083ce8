/**
 * Safe HTTP(S) fetching for URLs a user (or a feed) gives us.
 *
 * - only http: and https:;
 * - the host is resolved by our own `lookup`, and every resolved address must be public
 *   (see net.ts) unless `allowPrivate`: the check runs on the address actually connected to,
 *   so a name that rebinds to a private address is refused, and it runs again on every redirect;
 * - at most `maxRedirects` redirects, one total deadline (`timeoutMs`) for all hops and the body,
 *   a size cap (`maxBytes`) checked against Content-Length and against the bytes as they arrive,
 *   both compressed and decoded (so a small gzip bomb is cut off too);
 * - the media type must be one the caller accepts; gzip, deflate and br are decoded.
 * Every failure is a ParallaxError naming the URL.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ParallaxError, isParallaxError } from '../errors.ts';
import { isIpLiteral, isPublicAddress } from './net.ts';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  type FetchedResource,
} from './types.ts';

export interface SafeFetchOptions {
  /** Allow loopback, private, link-local and metadata addresses (tests, intranets). */
  allowPrivate?: boolean;
  /** Total time for all redirects and the body, in milliseconds. */
  timeoutMs?: number;
  /** Cap on the body size in bytes, compressed and decoded. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Accepted media types ("text/html", "application/json", or "text/*"); any type when absent.
   *  A response without Content-Type passes with contentType "" for the caller to sniff. */
  accept?: string[];
  headers?: Record<string, string>;
  /** Extra addresses to allow although non-public (e.g. one local test server); `allowPrivate` allows all. */
  allowAddress?: (address: string) => boolean;
  /** Answer a 304 Not Modified (to If-None-Match / If-Modified-Since) as a resource with status 304 and an empty body, not an error. */
  allowNotModified?: boolean;
}

export const USER_AGENT =
  'Parallax/0.1 (news article comparison; +https://github.com/parallax-news/parallax)';

/** Media-type groups callers pass as `accept`. */
export const ACCEPT_HTML = ['text/html', 'application/xhtml+xml'];
export const ACCEPT_FEED = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
];
export const ACCEPT_TEXT = ['text/plain'];
export const ACCEPT_JSON = ['application/json', 'application/ld+json'];

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<FetchedResource> {
  const settings = {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    accept: options.accept ?? null,
    headers: options.headers ?? {},
    allowNotModified: options.allowNotModified ?? false,
    permitted: (address: string): boolean =>
      (options.allowPrivate ?? false) ||
      isPublicAddress(address) ||
      (options.allowAddress?.(address) ?? false),
  };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
  try {
    let current = parseHttpUrl(url, url);
    for (let redirects = 0; ; redirects++) {
      const response = await request(current, settings, deadline.signal, url);
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.statusCode ?? 0) && location) {
        response.resume(); // discard the redirect's body
        if (redirects >= settings.maxRedirects) {
          throw new ParallaxError(
            'URL_TOO_MANY_REDIRECTS',
            `more than ${settings.maxRedirects} redirects`,
            url,
          );
        }
        current = parseHttpUrl(new URL(location, current).href, url);
        continue;
      }
      return await readResponse(response, current, url, settings, deadline.signal);
    }
  } catch (error) {
    if (deadline.signal.aborted && !isParallaxError(error)) {
      throw new ParallaxError('URL_TIMEOUT', `no complete answer within ${settings.timeoutMs} ms`, url, {
        cause: error,
      });
    }
    if (isParallaxError(error)) {
      if (deadline.signal.aborted && error.code === 'URL_UNREACHABLE') {
        throw new ParallaxError('URL_TIMEOUT', `no complete answer within ${settings.timeoutMs} ms`, url, {
          cause: error,
        });
      }
      throw error;
    }
    throw new ParallaxError('URL_UNREACHABLE', `cannot fetch: ${describe(error)}`, url, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

type Settings = {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  accept: string[] | null;
  headers: Record<string, string>;
  allowNotModified: boolean;
  permitted: (address: string) => boolean;
};

function parseHttpUrl(value: string, original: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ParallaxError('URL_INVALID', 'not a valid URL', original);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ParallaxError(
      'URL_INVALID',
      `only http and https URLs can be fetched (got ${parsed.protocol})`,
      original,
    );
  }
  return parsed;
}

function forbidden(address: string, original: string): ParallaxError {
  return new ParallaxError(
    'URL_FORBIDDEN',
    `refusing to connect to non-public address ${address} (loopback, private, link-local or reserved); use --allow-private to permit it`,
    original,
  );
}

/** A DNS lookup that refuses non-public addresses, so the check applies to what is connected to. */
function guardedLookup(permitted: (address: string) => boolean, original: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !permitted(a.address));
      if (refused)
        return callback(forbidden(refused.address, original) as unknown as NodeJS.ErrnoException, '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      callback(null, first.address, first.family);
    });
  };
}

function request(
  target: URL,
  settings: Settings,
  signal: AbortSignal,
  original: string,
): Promise<IncomingMessage> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // Node skips `lookup` for IP literals, so check those here.
  if (isIpLiteral(host) && !settings.permitted(host)) {
    return Promise.reject(forbidden(host, original));
  }
  const client = target.protocol === 'https:' ? https : http;
  const acceptHeader = settings.accept ? [...settings.accept, '*/*;q=0.1'].join(', ') : '*/*';
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'GET',
        signal,
        lookup: settings.allowPrivate ? undefined : guardedLookup(settings.permitted, original),
        headers: {
          'user-agent': USER_AGENT,
          accept: acceptHeader,
          'accept-encoding': 'gzip, deflate, br',
          ...settings.headers,
        },
      },
      resolve,
    );
    req.on('error', (error) => reject(isParallaxError(error) ? error : unreachable(error, original)));
    req.end();
  });
}

function unreachable(error: unknown, original: string): ParallaxError {
  return new ParallaxError('URL_UNREACHABLE', `cannot connect: ${describe(error)}`, original, {
    cause: error,
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code} ${error.message}`.replace(/^(\w+) \1\b/, '$1') : error.message;
  }
  return String(error);
}

function mediaType(header: string | undefined): { type: string; charset: string | null } {
  if (!header) return { type: '', charset: null };
  const [type, ...params] = header.split(';');
  const charsetParam = params.map((p) => p.trim()).find((p) => /^charset=/i.test(p));
  const charset = charsetParam
    ? charsetParam
        .slice('charset='.length)
        .replace(/^["']|["']$/g, '')
        .trim()
        .toLowerCase()
    : null;
  return { type: type.trim().toLowerCase(), charset: charset || null };
}

function accepted(type: string, accept: string[] | null): boolean {
  // No Content-Type at all: let the caller sniff the bytes (contentType is then "").
  if (!accept || type === '') return true;
  return accept.some((a) => {
    const wanted = a.toLowerCase();
    return wanted === type || (wanted.endsWith('/*') && type.startsWith(wanted.slice(0, -1)));
  });
}

function decoder(encoding: string | undefined): NodeJS.ReadWriteStream | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

async function readResponse(
  response: IncomingMessage,
  finalUrl: URL,
  original: string,
  settings: Settings,
  signal: AbortSignal,
): Promise<FetchedResource> {
  const status = response.statusCode ?? 0;
  if (status === 304 && settings.allowNotModified) {
    response.resume();
    return {
      url: original,
      finalUrl: finalUrl.href,
      status,
      contentType: '',
      charset: null,
      body: Buffer.alloc(0),
      headers: flatHeaders(response),
    };
  }
  if (status < 200 || status > 299) {
    response.resume();
    throw new ParallaxError(
      'URL_BAD_STATUS',
      `the server answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`,
      original,
    );
  }
  const { type, charset } = mediaType(response.headers['content-type']);
  if (!accepted(type, settings.accept)) {
    response.resume();
    throw new ParallaxError(
      'URL_BAD_CONTENT_TYPE',
      `unexpected content type ${type || '(none)'}; expected ${settings.accept?.join(', ')}`,
      original,
    );
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > settings.maxBytes) {
    response.destroy();
    throw tooLarge(settings.maxBytes, original);
  }

  let raw = 0;
  response.on('data', (chunk: Buffer) => {
    raw += chunk.length;
    if (raw > settings.maxBytes) response.destroy(tooLarge(settings.maxBytes, original));
  });
  const decode = decoder(response.headers['content-encoding']);
  const stream: Readable = decode ? (response.pipe(decode) as unknown as Readable) : response;
  if (decode) response.on('error', (error) => (decode as unknown as Readable).destroy(error));

  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > settings.maxBytes) throw tooLarge(settings.maxBytes, original);
      chunks.push(buffer);
    }
  } catch (error) {
    response.destroy();
    if (isParallaxError(error)) throw error;
    if (signal.aborted)
      throw new ParallaxError('URL_TIMEOUT', `no complete answer within ${settings.timeoutMs} ms`, original, {
        cause: error,
      });
    throw new ParallaxError('URL_UNREACHABLE', `the response broke off: ${describe(error)}`, original, {
      cause: error,
    });
  }
  if (signal.aborted)
    throw new ParallaxError('URL_TIMEOUT', `no complete answer within ${settings.timeoutMs} ms`, original);

  return {
    url: original,
    finalUrl: finalUrl.href,
    status,
    contentType: type,
    charset,
    body: Buffer.concat(chunks),
    headers: flatHeaders(response),
  };
}

function flatHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function tooLarge(maxBytes: number, original: string): ParallaxError {
  return new ParallaxError(
    'INPUT_TOO_LARGE',
    `the response is larger than the ${maxBytes}-byte cap`,
    original,
  );
}
