// jsQR for browsers without BarcodeDetector: a bundle of its own, fetched by the check-in page's
// script only when it needs it, so no other page (and no browser with a detector) loads it.
import * as jsqr from 'jsqr';

type JsQr = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: 'attemptBoth' }) => { data: string } | null;

// jsQR is CommonJS marked __esModule: the bundle's default is the function; TypeScript's Node rules see the module object around it.
const module = jsqr.default as unknown as JsQr | { default: JsQr };
const jsQR: JsQr = typeof module === 'function' ? module : module.default;

export function decode(image: ImageData): string | null {
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}
