import { instant, languageTag, sessionKinds, uuid } from '#contracts';
import { z } from 'zod';

const cityName = z.string().trim().min(1).max(120);

const audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('delegations'), delegations: z.array(z.string().trim().min(1).max(120)).min(1).max(50) }).strict(),
  z.object({ kind: z.literal('invitation'), registrationIds: z.array(uuid).min(1).max(1000) }).strict(),
]);

/** Translations of a text, by language tag: the text itself (`title`, `description`) is in the mission's first language. */
export function translations(maxLength: number) {
  return z.record(languageTag, z.string().trim().min(1).max(maxLength)).refine((texts) => Object.keys(texts).length <= 20, { message: 'at most 20 languages' });
}

export const speakerRoles = ['moderator', 'panellist', 'speaker'] as const;

const speaker = z.object({ role: z.enum(speakerRoles), name: z.string().trim().min(1).max(200), registrationId: uuid.optional() }).strict();

/** Every field of a session; `sessionSchema` adds the rules between fields. */
const sessionFields = z.object({
  kind: z.enum(sessionKinds),
  /** In the mission's first language; `titles` has its translations. */
  title: z.string().trim().min(1).max(200),
  titles: translations(200).optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  descriptions: translations(5000).optional(),
  /** The session that holds this one: the forum of a panel, the day of visits of a stop. */
  parentSessionId: uuid.nullable().optional(),
  /** A room of `venueId`; absent or null for the whole venue. */
  roomId: uuid.nullable().optional(),
  startsAt: instant,
  endsAt: instant,
  venueId: uuid.nullable().optional(),
  /** transfer only: between two of the mission's cities, or between two venues (named) of one city. */
  route: z.object({ from: cityName, to: cityName, fromVenueId: uuid.optional(), toVenueId: uuid.optional() }).strict().nullable().optional(),
  /** side_event only: the event it is part of, e.g. a trade fair. */
  hostEvent: z.string().trim().min(1).max(200).nullable().optional(),
  /** Seats; null or absent for no limit. */
  capacity: z.number().int().positive().max(100_000).nullable().optional(),
  languages: z.array(languageTag).min(1).max(10),
  interpretation: z
    .array(z.object({ from: languageTag, to: languageTag }).strict())
    .max(20)
    .optional(),
  audience: audience.optional(),
  speakers: z.array(speaker).max(50).optional(),
});

type SessionFields = z.infer<typeof sessionFields>;

function sessionRules(session: SessionFields, context: z.RefinementCtx): void {
  const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  // zod runs this even when a field failed; compare the times only once both are instants.
  const bothInstants = instant.safeParse(session.startsAt).success && instant.safeParse(session.endsAt).success;
  if (bothInstants && Date.parse(session.endsAt) <= Date.parse(session.startsAt)) issue('endsAt', 'must be after startsAt');
  const speakers = session.speakers ?? [];
  if (session.kind === 'panel_discussion') {
    if (speakers.filter((speaker) => speaker.role === 'moderator').length !== 1) issue('speakers', 'a panel discussion has exactly one moderator');
    if (!speakers.some((speaker) => speaker.role === 'panellist')) issue('speakers', 'a panel discussion has at least one panellist');
  } else if (speakers.some((speaker) => speaker.role !== 'speaker')) {
    issue('speakers', 'moderators and panellists belong to a panel discussion');
  }
  const ids = speakers.flatMap((speaker) => (speaker.registrationId ? [speaker.registrationId] : []));
  if (new Set(ids).size !== ids.length) issue('speakers', 'names a participant twice');
  if (session.kind === 'side_event' && !session.hostEvent) issue('hostEvent', 'a side event names the event it is part of');
  if (session.kind !== 'side_event' && session.hostEvent) issue('hostEvent', 'only a side event has a host event');
  if (session.kind === 'transfer') {
    const route = session.route;
    if (!route) issue('route', 'a transfer goes from one of the mission’s cities to another, or between two venues of one');
    else if (route.from === route.to && !(route.fromVenueId && route.toVenueId)) {
      issue('route.to', 'must differ from route.from, unless the route names the two venues (fromVenueId, toVenueId) of a transfer within the city');
    } else if (route.fromVenueId && route.fromVenueId === route.toVenueId) issue('route.toVenueId', 'must differ from route.fromVenueId');
  } else if (session.route) {
    issue('route', 'only a transfer has a route');
  }
  if (session.kind !== 'transfer' && !session.venueId) issue('venueId', 'is required but for a transfer');
  if (session.roomId && !session.venueId) issue('roomId', 'is a room of the session’s venue: name the venue too');
  for (const [index, pair] of (session.interpretation ?? []).entries()) {
    if (pair.from === pair.to) context.addIssue({ code: 'custom', path: ['interpretation', index, 'to'], message: 'must differ from from' });
  }
}

export const sessionSchema = sessionFields.strict().superRefine(sessionRules);
export type SessionInput = z.infer<typeof sessionSchema>;

/** A change to a draft or released session: any of its fields; the result must still be a valid session. */
export const sessionChangeSchema = sessionFields.partial().strict();
export type SessionChange = z.infer<typeof sessionChangeSchema>;

export const cancelSessionSchema = z
  .object({ reason: z.string().trim().min(1).max(1000).optional() })
  .strict()
  .optional();
export type CancelSession = z.infer<typeof cancelSessionSchema>;
