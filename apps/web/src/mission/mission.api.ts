/** What the public pages read of scheduling's and the MoU registry's answers (their OpenAPI documents have the whole). */
export interface Mission {
  id: string;
  code: string;
  title: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  cities: { name: string; country: string; timezone: string }[];
  themes: string[];
}

export interface ProgrammeEntry {
  sessionId: string;
  kind: string;
  title: string;
  description: string | null;
  status: 'scheduled' | 'cancelled';
  startsAt: string;
  endsAt: string;
  venueTime: { timezone: string; startsAt: string; endsAt: string };
  venue: { name: string; city?: string | null; address?: string | null } | null;
  route: { from: string; to: string } | null;
  hostEvent: string | null;
}

export interface Programme {
  missionId: string;
  title: string;
  timezone: string;
  items: ProgrammeEntry[];
}

export interface MouEntry {
  id: string;
  reference: string;
  title: string;
  summary: Record<string, string>;
  parties: { name: string; country: string; city?: string }[];
  signedOn: string | null;
  signedPlace: string | null;
  status: string;
}

export interface MouPage {
  items: MouEntry[];
  nextCursor: string | null;
}
