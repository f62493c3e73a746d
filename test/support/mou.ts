import type { ApiResponse } from './api.js';

let mouSequence = 0;

/** A valid MoU between Barcelona and Chengdu, as an organiser would record it. */
export function mouInput(overrides: Record<string, unknown> = {}) {
  mouSequence += 1;
  return {
    title: `Smart city cooperation between Barcelona and Chengdu ${mouSequence}`,
    summary: {
      en: 'Cooperation on urban data platforms, e-mobility pilots and vocational education.',
      es: 'Cooperación en plataformas de datos urbanos, pilotos de movilidad eléctrica y formación profesional.',
    },
    themes: ['smart city', 'e-mobility'],
    parties: [
      { name: 'Ajuntament de Barcelona', kind: 'city', country: 'ES', city: 'Barcelona' },
      { name: 'Chengdu Municipal People’s Government', kind: 'government_body', country: 'CN', city: 'Chengdu' },
    ],
    signatories: [
      { name: 'Laia Bonet', title: 'Deputy Mayor', party: 'Ajuntament de Barcelona' },
      { name: 'Wang Fang', title: 'Vice Mayor', party: 'Chengdu Municipal People’s Government' },
    ],
    entryIntoForceOn: '2019-07-01',
    expiresOn: '2024-06-30',
    visibility: 'public',
    ...overrides,
  };
}

/** Uploads a version of the text as the raw body, the way `curl --data-binary @file.pdf` does. */
export async function uploadVersion(
  base: string,
  mouId: string,
  token: string,
  content: Buffer,
  language = 'en',
  type = 'application/pdf',
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const response = await fetch(`${base}/api/mous/${mouId}/versions?language=${encodeURIComponent(language)}`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${token}`, 'content-type': type },
    body: content,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
}
