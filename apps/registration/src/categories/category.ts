import type { ApprovalMode } from '../seats/seats.rules.js';

/** The kinds of extra question: free text, one option, several options, yes/no, a date (YYYY-MM-DD). */
export const questionKinds = ['text', 'choice', 'choices', 'yes-no', 'date'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Texts by language tag (`en`, `zh-CN`, …); at least one. */
export type Localised = Record<string, string>;

export interface QuestionOption {
  value: string;
  labels: Localised;
}

/** An extra question of a category's form; answers are kept by `key`. */
export interface Question {
  key: string;
  kind: QuestionKind;
  required: boolean;
  labels: Localised;
  /** The options of a `choice` or `choices` question; empty for the other kinds. */
  options: QuestionOption[];
}

/** A kind of participant of a mission (delegate, host-city official, forum guest, press, staff…), as its row holds it. */
export interface Category {
  id: string;
  missionId: string;
  /** Never changes: registrations keep it beside the id. */
  code: string;
  names: Localised;
  /** Most confirmed registrations of the category; null: limited by the mission's capacity only. */
  capacity: number | null;
  /** Whether a registration that finds no seat waits for one (else it is refused). */
  waitlist: boolean;
  approval: ApprovalMode;
  opensAt: Date | null;
  closesAt: Date | null;
  questions: Question[];
  /** Order on the form, then the code. */
  position: number;
  createdAt: Date;
  updatedAt: Date;
}
