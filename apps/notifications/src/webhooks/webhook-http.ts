import type { WebhooksConfig } from '#common';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress } from './webhook-address.rules.js';

export type NetworkPolicy = Pick<WebhooksConfig, 'allowPrivateNetworks' | 'allowedHosts' | 'allowHttp'>;

/** The host name of a URL as a resolver takes it (an IPv6 literal without its brackets). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** Whether configuration lets this URL's host be on a special-use address (`WEBHOOKS_ALLOWED_HOSTS`: `host` or `host:port`). */
export function isAllowedHost(url: URL, policy: NetworkPolicy): boolean {
  return policy.allowPrivateNetworks || policy.allowedHosts.includes(hostOf(url)) || policy.allowedHosts.includes(`${hostOf(url)}:${portOf(url)}`);
}

/** Why an endpoint's URL is refused before any look-up (scheme, credentials, a special-use literal address), or null. */
export function urlProblem(text: string, policy: NetworkPolicy): string | null {
  if (!URL.canParse(text)) return 'is not a URL';
  const url = new URL(text);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    return policy.allowHttp ? 'must be https:// or http://' : 'must be https://';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.hash) return 'must not have a fragment';
  const host = hostOf(url);
  if (isIP(host) && !isAllowedHost(url, policy) && classifyAddress(host) !== 'public')
    return `is on a ${classifyAddress(host)} address, which configuration does not allow`;
  return null;
}

/** Why an address the host resolved to may not be connected to, or null. */
function addressProblem(host: string, address: string): string | null {
  const kind = classifyAddress(address);
  return kind === 'public' ? null : `${host} resolves to ${address}, a ${kind} address, which configuration does not allow`;
}

export class RefusedAddressError extends Error {
  readonly code = 'EWEBHOOKADDRESS';
}

/**
 * The `lookup` of every webhook connection: it resolves the host and refuses it when any address is
 * special-use (unless configuration allows the host), so that the address checked is the address
 * connected to; a host that resolved to a public address at subscription and to 127.0.0.1 now
 * (DNS rebinding) is refused here.
 */
export function guardedLookup(url: URL, policy: NetworkPolicy, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  const allowed = isAllowedHost(url, policy);
  return ((
    hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = allowed ? null : addresses.map((entry) => addressProblem(hostname, entry.address)).find(Boolean);
      if (refused) return callback(new RefusedAddressError(refused), '', 0);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

/** Resolves an endpoint's host once at subscription: why its addresses are refused, or null (a name that does not resolve is refused too). */
export async function resolvedProblem(text: string, policy: NetworkPolicy, resolve: typeof dnsLookup = dnsLookup): Promise<string | null> {
  const url = new URL(text);
  if (isAllowedHost(url, policy) || isIP(hostOf(url))) return null;
  return new Promise((answer) =>
    guardedLookup(url, policy, resolve)(hostOf(url), { all: true }, (error) =>
      answer(error ? (error instanceof RefusedAddressError ? error.message : `${hostOf(url)} does not resolve (${error.code ?? error.message})`) : null),
    ),
  );
}

/** What one attempt came to: the status code (null without an answer), how long it took, and what went wrong. */
export interface AttemptResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/**
 * POSTs one delivery and reads (and drops) at most a few kilobytes of the answer. The connection's
 * address is checked by `guardedLookup` (an IP literal, which no look-up sees, before connecting);
 * redirects are not followed; the whole exchange is bounded by `timeoutMs`.
 */
export function postWebhook(target: string, headers: Record<string, string>, body: string, policy: NetworkPolicy, timeoutMs: number): Promise<AttemptResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const url = new URL(target);
  const problem = urlProblem(target, policy);
  if (problem) return Promise.resolve({ statusCode: null, durationMs: 0, error: `the URL ${problem}` });
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'mission-hub-webhooks/1',
        },
        lookup: guardedLookup(url, policy),
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 64 * 1024) response.destroy();
        });
        const done = () => resolve({ statusCode: response.statusCode ?? null, durationMs: took(), error: null });
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.name === 'AbortError' || error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error.message || error.code || String(error);
      resolve({ statusCode: null, durationMs: took(), error: reason });
    });
    request.end(body);
  });
}
