import { timeZone } from '#contracts';
import { z } from 'zod';
import { translations } from '../sessions/session.schema.js';

export const createVenueSchema = z
  .object({
    /** In the mission's first language; `names` has its translations. */
    name: z.string().trim().min(1).max(200),
    names: translations(200).optional(),
    address: z.string().trim().min(1).max(500),
    /** One of the mission's cities, by name. */
    city: z.string().trim().min(1).max(120),
    /** Defaults to the city's time zone. */
    timezone: timeZone.optional(),
    coordinates: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .strict()
      .optional(),
  })
  .strict();

export type CreateVenue = z.infer<typeof createVenueSchema>;

export const transferTimeSchema = z
  .object({
    /** Two of the mission's cities; the time is the same both ways. */
    between: z.tuple([z.string().trim().min(1).max(120), z.string().trim().min(1).max(120)]),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .strict()
  .refine((transfer) => transfer.between[0] !== transfer.between[1], { path: ['between'], message: 'must name two different cities' });

export type TransferTime = z.infer<typeof transferTimeSchema>;

export const createRoomSchema = z
  .object({
    /** In the mission's first language; `names` has its translations. */
    name: z.string().trim().min(1).max(200),
    names: translations(200).optional(),
    /** Seats: a session in the room has no more. */
    capacity: z.number().int().positive().max(100_000),
  })
  .strict();

export type CreateRoom = z.infer<typeof createRoomSchema>;
