import { z } from 'zod';

/** What an organiser may say when publishing. */
export const releaseSchema = z
  .object({ note: z.string().trim().min(1).max(2000).optional() })
  .strict()
  .default({});
export type ReleaseInput = z.infer<typeof releaseSchema>;
