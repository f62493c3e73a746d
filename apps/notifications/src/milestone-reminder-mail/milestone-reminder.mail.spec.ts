import type { EventData } from '#contracts';
import { composeMilestoneReminder } from './milestone-reminder.mail.js';

const owner = { role: 'owner' as const, name: 'Marta Rossi', email: 'marta.rossi@example.it', preferredLanguage: 'it', registrationId: null };
const responsible = { role: 'responsible' as const, name: '王芳', email: 'wang.fang@example.cn', preferredLanguage: 'zh-CN', registrationId: null };

function reminder(overrides: Partial<EventData<'action_plan.milestone_reminder_due'>> = {}): EventData<'action_plan.milestone_reminder_due'> {
  return {
    planId: '9b2c7f4e-1d3a-4e5b-8c6d-7e8f9a0b1c2d',
    missionId: null,
    planTitle: 'Stuttgart–Liuzhou e-mobility UCAP',
    milestoneId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    title: 'Charging stations tendered',
    dueOn: '2019-12-31',
    remindAt: '2019-12-24T00:00:00.000Z',
    offsetMs: 7 * 86_400_000,
    pilotProject: { pilotProjectId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', title: 'Electric buses in Liuzhou' },
    recipients: [owner, responsible],
    ...overrides,
  };
}

describe('composeMilestoneReminder', () => {
  it('tells the owner in their language which milestone of which plan and project is due when', () => {
    const mail = composeMilestoneReminder(reminder(), owner)!;
    expect(mail).toMatchObject({ template: 'action_plan.milestone_reminder_due', language: 'it', to: { address: 'marta.rossi@example.it' } });
    expect(mail.subject).toBe('Promemoria: «Charging stations tendered» scade il 31 dicembre 2019');
    expect(mail.text).toContain('del progetto pilota «Electric buses in Liuzhou» del piano d’azione «Stuttgart–Liuzhou e-mobility UCAP»');
    expect(mail.text).toContain('Lei ne è il responsabile.');
  });

  it('tells the person responsible for the project why they are told, in Chinese', () => {
    const mail = composeMilestoneReminder(reminder(), responsible)!;
    expect(mail.language).toBe('zh');
    expect(mail.text).toContain('您是其试点项目的负责人。');
  });

  it('names only the plan for a milestone of no project, and sends nothing to someone without an address', () => {
    const mail = composeMilestoneReminder(reminder({ pilotProject: null }), { ...owner, preferredLanguage: null })!;
    expect(mail.language).toBe('en');
    expect(mail.text).toContain(
      'The milestone “Charging stations tendered” of the action plan “Stuttgart–Liuzhou e-mobility UCAP” is due on 31 December 2019.',
    );
    expect(composeMilestoneReminder(reminder(), { ...owner, email: null })).toBeNull();
  });
});
