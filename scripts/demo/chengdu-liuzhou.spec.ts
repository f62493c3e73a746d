// The story against the services' own schemas and rules: an edit of it that a service would refuse
// fails here in a second, not minutes into the demo's e2e.
import { CategoryRules } from '../../apps/registration/src/categories/categories.rules.js';
import { categorySchema } from '../../apps/registration/src/categories/categories.schema.js';
import { createIndicatorSchema, createPilotSchema, createPlanSchema, createReportSchema } from '../../apps/mou-registry/src/action-plans/action-plan.schema.js';
import { indicatorProgress } from '../../apps/mou-registry/src/action-plans/action-plan.rules.js';
import { liesWithin } from '../../apps/scheduling/src/programme/nesting.rules.js';
import * as story from './chengdu-liuzhou.js';

const interval = (session: story.Session) => ({ startsAt: new Date(session.body.startsAt as string), endsAt: new Date(session.body.endsAt as string) });

describe('the Chengdu-Liuzhou story', () => {
  it('registers everyone in a category of the mission, with answers its questions accept', () => {
    const categories = new Map(story.categories.map(({ code, body }) => [code, categorySchema.parse(body)]));
    expect([...categories.keys()]).toEqual(['delegate', 'host', 'staff']);
    for (const person of story.people) {
      const { category, answers } = story.categoryOf(person);
      const checked = CategoryRules.check(categories.get(category)!.questions, answers);
      expect({ person: person.key, ok: checked.ok }).toEqual({ person: person.key, ok: true });
    }
    const perCategory = story.people.map((person) => story.categoryOf(person).category);
    for (const [code, category] of categories) expect(perCategory.filter((one) => one === code).length).toBeLessThanOrEqual(category.capacity!);
  });

  it('lists every delegation a person travels with, a parent before its sub-delegation, and heads who travel with theirs', () => {
    const names = story.delegationList.map((delegation) => delegation.name);
    expect(new Set(names)).toEqual(new Set(Object.values(story.delegations)));
    for (const [index, delegation] of story.delegationList.entries()) {
      if (delegation.parent) expect(names.indexOf(delegation.parent)).toBeLessThan(index);
      const members = story.people.filter((person) => person.delegation === delegation.name);
      expect(members.map((person) => person.key)).toContain(delegation.head);
      const within = story.people.filter(
        (person) =>
          person.delegation === delegation.name || story.delegationList.some((one) => one.parent === delegation.name && one.name === person.delegation),
      );
      expect(within.length).toBeLessThanOrEqual(delegation.quota);
    }
    expect(story.delegationList.find((delegation) => delegation.name === story.delegations.ludwigsburg)?.parent).toBe(story.delegations.stuttgart);
  });

  it('puts each panel inside the forum, in its hall, after the forum is created, and no two panels at once', () => {
    const byKey = new Map(story.sessions.map((session) => [session.key, session]));
    const children = story.sessions.filter((session) => session.parent);
    expect(children.map((session) => [session.key, session.parent])).toEqual([
      ['panel1', 'forum'],
      ['panel2', 'forum'],
      ['panel3', 'forum'],
    ]);
    for (const child of children) {
      const parent = byKey.get(child.parent!)!;
      expect(story.sessions.indexOf(parent)).toBeLessThan(story.sessions.indexOf(child));
      expect(liesWithin(interval(child), interval(parent))).toBe(true);
      expect([child.venue, child.room]).toEqual([parent.venue, parent.room]);
      expect(story.rooms[child.venue!]!.some((room) => room.name === child.room)).toBe(true);
    }
    const sorted = children.map(interval).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let index = 1; index < sorted.length; index++) expect(sorted[index]!.startsAt.getTime()).toBeGreaterThanOrEqual(sorted[index - 1]!.endsAt.getTime());
    // People at the forum and a panel at once: the point of the structure.
    expect(byKey.get('panel1')!.enrol.filter((key) => byKey.get('forum')!.enrol.includes(key))).toContain('zhangwei');
  });

  it('asks for one group meeting with LiuGong Group’s team, and links meetings to MoUs that the demo signs', () => {
    const byKey = new Map(story.people.map((person) => [person.key, person]));
    const groups = story.meetings.filter((wish) => wish.team);
    expect(groups.map((wish) => byKey.get(wish.invitee)!.organisation.name)).toEqual(['LiuGong Group']);
    for (const wish of groups) {
      const sides = [wish.requester, ...wish.team!.requester, wish.invitee, ...wish.team!.invitee];
      expect(new Set(sides).size).toBe(sides.length);
      expect(sides.every((key) => byKey.has(key))).toBe(true);
      expect(wish.team!.invitee.map((key) => byKey.get(key)!.organisation.name)).toEqual(['LiuGong Group']);
    }
    for (const wish of story.meetings.filter((one) => one.mou)) expect(story.mous.find((mou) => mou.title === wish.mou)?.status).toBe('in_force');
  });

  it('writes an action plan the registry accepts: two pilot projects, one carrying out an MoU of the story and one without', () => {
    const plan = story.actionPlan;
    const keys = new Set(story.people.map((person) => person.key));
    expect(createPlanSchema.safeParse({ title: plan.title, ...plan.body, authors: [] }).success).toBe(true);
    expect(plan.authors.every((author) => keys.has(author.person))).toBe(true);
    expect(plan.pilotProjects.map((project) => project.mou !== undefined)).toEqual([true, false]);
    for (const project of plan.pilotProjects) {
      expect(createPilotSchema.safeParse({ title: project.title, ...project.body, responsible: { name: project.responsible } }).error).toBeUndefined();
      expect(keys.has(project.responsible)).toBe(true);
      if (project.mou) expect(story.mous.find((mou) => mou.title === project.mou)?.status).toBe('in_force');
      expect(project.indicators.length).toBeGreaterThan(0);
      for (const { reports, ...indicator } of project.indicators) {
        expect(createIndicatorSchema.safeParse(indicator).success).toBe(true);
        expect(reports.length).toBeGreaterThan(0);
        for (const report of reports) {
          expect(createReportSchema.safeParse(report).success).toBe(true);
          expect(indicatorProgress(indicator, report.value)).toBeGreaterThan(0);
        }
      }
    }
    for (const milestone of plan.milestones) {
      expect(keys.has(milestone.owner)).toBe(true);
      if (milestone.pilotProject) expect(plan.pilotProjects.map((project) => project.title)).toContain(milestone.pilotProject);
    }
  });
});
