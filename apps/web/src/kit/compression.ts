import { existsSync, readdirSync } from 'node:fs';
import { extname, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

type Coding = 'br' | 'gzip';

/** The coding the client takes, brotli first; none when it names neither (or refuses both with q=0). */
export function preferredCoding(acceptEncoding: string | undefined): Coding | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...parameters]) => !parameters.some((parameter) => /^\s*q=0(\.0*)?\s*$/.test(parameter)))
      .map(([coding]) => coding.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/** Below this a compressed answer is hardly smaller, and its headers cost more than it saves. */
const SMALLEST = 1024;

/**
 * Pages compressed as they are sent: the form's option lists (time zones, countries) shrink about
 * tenfold. Brotli at quality 4 takes about a millisecond for the form's 31 KB, synchronously, which
 * is less than a stream's bookkeeping would.
 */
export function pageCompression() {
  return (request: Request, response: Response, next: NextFunction): void => {
    const send = response.send.bind(response);
    response.send = (body?: unknown) => {
      response.vary('Accept-Encoding');
      const coding = preferredCoding(request.headers['accept-encoding']);
      const type = String(response.getHeader('Content-Type') ?? '');
      if (typeof body !== 'string' || !coding || !/^text\/html/.test(type) || response.getHeader('Content-Encoding') || Buffer.byteLength(body) < SMALLEST)
        return send(body);
      const plain = Buffer.from(body, 'utf8');
      const compressed =
        coding === 'br'
          ? brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } })
          : gzipSync(plain, { level: 6 });
      response.setHeader('Content-Encoding', coding);
      return send(compressed);
    };
    next();
  };
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * Built assets compressed once at build time (`scripts/build-web-assets.js` writes `.br` and `.gz`
 * beside each): the request is pointed at the compressed file, which `express.static` then serves.
 */
export function precompressedAssets(directory: string) {
  // Read once: the build does not change under a running process, and no request adds to the set.
  const available = new Set(
    existsSync(directory)
      ? readdirSync(directory, { recursive: true, encoding: 'utf8' })
          .filter((file) => file.endsWith('.br') || file.endsWith('.gz'))
          .map((file) => '/' + file.split(sep).join('/'))
      : [],
  );
  return (request: Request, response: Response, next: NextFunction): void => {
    const type = CONTENT_TYPES[extname(request.path)];
    if (!type || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    response.vary('Accept-Encoding');
    const coding = preferredCoding(request.headers['accept-encoding']);
    const suffix = coding === 'br' ? '.br' : coding === 'gzip' ? '.gz' : undefined;
    if (!suffix || !available.has(request.path + suffix)) return next();
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Encoding', coding!);
    request.url = request.path + suffix;
    next();
  };
}
