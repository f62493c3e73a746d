import type { EventData } from '#contracts';
import { composeMilestoneReminder } from './milestone.mail.js';

function milestone(overrides: Partial<EventData<'mou.milestone_due'>> = {}): EventData<'mou.milestone_due'> {
  return {
    mouId: '9b2c7f4e-1d3a-4e5b-8c6d-7e8f9a0b1c2d',
    milestoneId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    reference: 'MOU-2019-0007',
    mouTitle: 'E-mobility cooperation Stuttgart–Liuzhou',
    pilotProject: null,
    title: 'Pilot charging stations installed',
    dueOn: '2019-12-31',
    owner: { name: 'Marta Rossi', email: 'marta.rossi@example.it', preferredLanguage: 'pt' },
    ...overrides,
  };
}

describe('composeMilestoneReminder', () => {
  it('reminds the owner of the milestone and its due date, in English when their language has no catalogue', () => {
    const mail = composeMilestoneReminder(milestone())!;
    expect(mail).toMatchObject({ template: 'mou.milestone_due', language: 'en', to: { name: 'Marta Rossi', address: 'marta.rossi@example.it' } });
    expect(mail.subject).toBe('Reminder: “Pilot charging stations installed” was due on 31 December 2019');
    expect(mail.text).toContain('Dear Marta Rossi,');
    expect(mail.text).toContain('The milestone “Pilot charging stations installed” of the MoU MOU-2019-0007 “E-mobility cooperation Stuttgart–Liuzhou”');
  });

  it('writes in Chinese for a Chinese-speaking owner, and in English when the owner has no language', () => {
    const zh = composeMilestoneReminder(milestone({ owner: { name: '王芳', email: 'wang.fang@example.cn', preferredLanguage: 'zh-CN' } }))!;
    expect(zh.language).toBe('zh');
    expect(zh.subject).toBe('提醒：“Pilot charging stations installed”已于2019年12月31日到期');
    expect(zh.text).toContain('尊敬的王芳：');
    expect(composeMilestoneReminder(milestone({ owner: { name: 'X', email: 'x@example.org', preferredLanguage: null } }))!.language).toBe('en');
  });

  it('names the pilot project the milestone belongs to', () => {
    const mail = composeMilestoneReminder(
      milestone({ pilotProject: { pilotProjectId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', title: 'Electric buses in Liuzhou' } }),
    )!;
    expect(mail.text).toContain('of the pilot project “Electric buses in Liuzhou” of the MoU MOU-2019-0007');
    const zh = composeMilestoneReminder(
      milestone({
        owner: { name: '王芳', email: 'w@example.cn', preferredLanguage: 'zh' },
        pilotProject: { pilotProjectId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', title: '柳州电动公交' },
      }),
    )!;
    expect(zh.text).toContain('合作备忘录MOU-2019-0007《E-mobility cooperation Stuttgart–Liuzhou》试点项目“柳州电动公交”的里程碑');
  });

  it('sends nothing when the owner has no e-mail address', () => {
    expect(composeMilestoneReminder(milestone({ owner: { name: 'Erased', email: null, preferredLanguage: null } }))).toBeNull();
  });
});
