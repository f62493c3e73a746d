// Check-in at the door: the typed code posted without leaving the page, and the camera reading QR
// codes (BarcodeDetector where the browser has one, else jsQR, whose bundle is fetched only then).

interface CheckInAnswer {
  ok: boolean;
  text?: string;
  message?: string;
  signIn?: string;
}

interface QrDecoder {
  decode(image: ImageData): string | null;
}

/** The same code read again within this long is the same participant still in front of the camera. */
const SAME_CODE_MS = 4000;

const form = document.getElementById('check-in-form') as HTMLFormElement | null;
const input = document.getElementById('code') as HTMLInputElement | null;
const result = document.getElementById('check-in-result');
const scanner = document.querySelector<HTMLElement>('.scanner');

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void submit();
});

async function submit(): Promise<void> {
  if (!form || !input || !input.value.trim()) return;
  const button = form.querySelector('button');
  if (button) button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: input.value }),
    });
    const answer = (await response.json()) as CheckInAnswer;
    if (response.status === 401 && answer.signIn) return location.assign(answer.signIn);
    say(answer.text ?? answer.message ?? '', answer.ok);
    if (answer.ok) input.value = '';
    input.focus();
  } catch {
    form.submit();
  } finally {
    if (button) button.disabled = false;
  }
}

function say(text: string, ok: boolean): void {
  if (!result) return;
  result.textContent = text;
  result.className = `notice ${ok ? 'notice--ok' : 'notice--error'}`;
  result.hidden = false;
}

if (scanner && form && input && navigator.mediaDevices?.getUserMedia) {
  scanner.hidden = false;
  const button = document.getElementById('scan') as HTMLButtonElement;
  const status = document.getElementById('scan-status')!;
  const video = document.getElementById('camera') as HTMLVideoElement;
  let stream: MediaStream | undefined;
  let lastCode = '';
  let lastAt = 0;

  const stop = () => {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    video.hidden = true;
    button.textContent = scanner.dataset.scan ?? '';
    status.textContent = '';
  };

  const reader = async (): Promise<(frame: HTMLVideoElement) => Promise<string | null>> => {
    const Detector = (globalThis as unknown as { BarcodeDetector?: any }).BarcodeDetector;
    if (Detector && ((await Detector.getSupportedFormats?.()) ?? []).includes('qr_code')) {
      const detector = new Detector({ formats: ['qr_code'] });
      return async (frame) => ((await detector.detect(frame)) as { rawValue: string }[])[0]?.rawValue ?? null;
    }
    // No BarcodeDetector (Firefox, Safari on a desktop): jsQR on the frame's pixels.
    const decoder = (await import(scanner.dataset.decoder!)) as QrDecoder;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    return async (frame) => {
      canvas.width = frame.videoWidth;
      canvas.height = frame.videoHeight;
      context.drawImage(frame, 0, 0);
      return decoder.decode(context.getImageData(0, 0, canvas.width, canvas.height));
    };
  };

  button.addEventListener('click', async () => {
    if (stream) return stop();
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    } catch {
      status.textContent = scanner.dataset.noCamera ?? '';
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    button.textContent = scanner.dataset.stop ?? '';
    status.textContent = scanner.dataset.scanning ?? '';
    const read = await reader();
    const look = async () => {
      if (!stream) return;
      const code = video.readyState >= 2 ? await read(video).catch(() => null) : null;
      if (code && (code !== lastCode || Date.now() - lastAt > SAME_CODE_MS)) {
        lastCode = code;
        lastAt = Date.now();
        input.value = code;
        await submit();
      }
      setTimeout(look, 200);
    };
    void look();
  });
}
