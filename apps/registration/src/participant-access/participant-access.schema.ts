import { z } from 'zod';

export const signInSchema = z.object({
  link: z.string().min(1).max(4096).describe('The `link` parameter of the sign-in address in an e-mail (`/p/sign-in?link=…`).'),
});
export type SignIn = z.infer<typeof signInSchema>;

export const accessLinkRequestSchema = z.object({
  email: z.email().max(320).describe('The address the participant registered with.'),
});
export type AccessLinkRequest = z.infer<typeof accessLinkRequestSchema>;
