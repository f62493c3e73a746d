import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedLookup, postWebhook, resolvedProblem, urlProblem, type NetworkPolicy } from './webhook-http.js';

const strict: NetworkPolicy = { allowPrivateNetworks: false, allowedHosts: [], allowHttp: false };

/** A resolver that answers what the test says, in turn (a rebinding one answers a public address first, then a private one). */
function resolver(...answers: string[][]) {
  let call = 0;
  return ((_host: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
    const addresses = answers[Math.min(call++, answers.length - 1)]!;
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  }) as never;
}

function lookUp(lookup: ReturnType<typeof guardedLookup>, all: boolean): Promise<{ error: Error | null; address: unknown }> {
  return new Promise((resolve) => lookup('hooks.example.com', { all }, (error, address) => resolve({ error, address })));
}

describe('urlProblem', () => {
  it('takes https only, unless plain http is allowed', () => {
    expect(urlProblem('https://hooks.example.com/in', strict)).toBeNull();
    expect(urlProblem('http://hooks.example.com/in', strict)).toBe('must be https://');
    expect(urlProblem('http://hooks.example.com/in', { ...strict, allowHttp: true })).toBeNull();
    expect(urlProblem('ftp://hooks.example.com/in', { ...strict, allowHttp: true })).toBe('must be https:// or http://');
    expect(urlProblem('not a url', strict)).toBe('is not a URL');
    expect(urlProblem('https://user:pw@hooks.example.com/', strict)).toBe('must not carry credentials');
  });

  it.each([
    ['https://127.0.0.1/', 'loopback'],
    ['https://[::1]/', 'loopback'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['https://10.1.2.3:8443/', 'private'],
    ['https://[fd00::1]/', 'unique-local'],
    ['https://100.100.100.100/', 'shared'],
  ])('refuses %s, a %s address', (url, kind) => {
    expect(urlProblem(url, strict)).toBe(`is on a ${kind} address, which configuration does not allow`);
    expect(urlProblem(url, { ...strict, allowPrivateNetworks: true })).toBeNull();
  });

  it('lets configuration allow a host, or a host on one port', () => {
    expect(urlProblem('https://127.0.0.1:9000/', { ...strict, allowedHosts: ['127.0.0.1'] })).toBeNull();
    expect(urlProblem('https://127.0.0.1:9000/', { ...strict, allowedHosts: ['127.0.0.1:9000'] })).toBeNull();
    expect(urlProblem('https://127.0.0.1:9001/', { ...strict, allowedHosts: ['127.0.0.1:9000'] })).not.toBeNull();
  });
});

describe('guardedLookup', () => {
  const url = new URL('https://hooks.example.com/in');

  it('answers public addresses, one or all as asked', async () => {
    expect(await lookUp(guardedLookup(url, strict, resolver(['93.184.216.34'])), false)).toEqual({ error: null, address: '93.184.216.34' });
    expect((await lookUp(guardedLookup(url, strict, resolver(['93.184.216.34', '2606:2800:220:1::1'])), true)).address).toHaveLength(2);
  });

  it('refuses a name that resolves to a special-use address, even one among public ones', async () => {
    const { error } = await lookUp(guardedLookup(url, strict, resolver(['93.184.216.34', '169.254.169.254'])), false);
    expect(error?.message).toBe('hooks.example.com resolves to 169.254.169.254, a link-local address, which configuration does not allow');
  });

  it('checks again at each connection: a name rebound to 127.0.0.1 after the subscription is refused', async () => {
    const rebinding = resolver(['93.184.216.34'], ['127.0.0.1']);
    expect(await resolvedProblem(url.href, strict, rebinding)).toBeNull();
    const { error } = await lookUp(guardedLookup(url, strict, rebinding), false);
    expect(error?.message).toMatch(/resolves to 127\.0\.0\.1, a loopback address/);
  });

  it('lets an allowed host resolve anywhere', async () => {
    expect((await lookUp(guardedLookup(url, { ...strict, allowedHosts: ['hooks.example.com'] }, resolver(['10.0.0.5'])), false)).address).toBe('10.0.0.5');
  });
});

describe('postWebhook', () => {
  let server: Server;
  let port: number;
  const bodies: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        bodies.push(body);
        response.writeHead(request.url === '/slow' ? 200 : 204);
        if (request.url !== '/slow') response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('does not connect to localhost unless configuration allows it, and then posts', async () => {
    const refused = await postWebhook(`http://localhost:${port}/in`, {}, '{"a":1}', { ...strict, allowHttp: true }, 2000);
    expect(refused).toMatchObject({ statusCode: null, error: expect.stringMatching(/loopback address, which configuration does not allow/) });
    expect(bodies).toHaveLength(0);
    const sent = await postWebhook(`http://localhost:${port}/in`, {}, '{"a":1}', { ...strict, allowHttp: true, allowedHosts: [`localhost:${port}`] }, 2000);
    expect(sent).toMatchObject({ statusCode: 204, error: null });
    expect(bodies).toEqual(['{"a":1}']);
  });

  it('gives up on an endpoint that does not finish its answer in time', async () => {
    server.closeAllConnections();
    const slow = await postWebhook(`http://localhost:${port}/slow`, {}, '{}', { ...strict, allowHttp: true, allowPrivateNetworks: true }, 300);
    expect(slow.error).toBe('no answer within 300 ms');
  });
});
