// The UCAP that followed the mission: its authors, two pilot projects (one carrying out an MoU, one
// of the plan alone) with indicators and a progress report each, milestones, and its way to implementation.
import * as story from './chengdu-liuzhou.js';
import { nameOf, type Participant, type Tally } from './demo-context.js';
import type { MissionHubClient } from './mission-hub-client.js';

const lifecycle = ['draft', 'submitted', 'approved', 'in_implementation'] as const;

interface Plan {
  id: string;
  title: string;
  status: string;
  pilotProjects: { id: string; title: string; indicators: { id: string; name: string; reports: { asOf: string }[] }[] }[];
  milestones: { id: string; title: string; completedAt: string | null }[];
}

export async function createActionPlan(client: MissionHubClient, tally: Tally, missionId: string, participants: Map<string, Participant>): Promise<void> {
  const wanted = story.actionPlan;
  const person = (key: string) => participants.get(key)!.person;
  const contact = (key: string) => ({ name: nameOf(person(key)), email: person(key).email, preferredLanguage: person(key).preferredLanguage });

  const listed = (await client.expect([200], 'the action plans', 'mou-registry', `/api/action-plans?missionId=${missionId}`)).body as {
    id: string;
    title: string;
  }[];
  let id = listed.find((plan) => plan.title === wanted.title)?.id;
  const there = id !== undefined;
  if (!id) {
    const authors = wanted.authors.map(({ person: key, role }) => ({
      role,
      name: nameOf(person(key)),
      organisation: person(key).organisation.name,
      email: person(key).email,
    }));
    const body = { missionId, title: wanted.title, ...wanted.body, authors };
    id = (
      await client.expect([201], `the action plan ${wanted.title}`, 'mou-registry', '/api/action-plans', { body, idempotent: `action-plan:${wanted.title}` })
    ).body.id;
  }
  tally.add('action plan', `${wanted.title} (${wanted.authors.length} authors)`, !there);
  const path = `/api/action-plans/${id}`;
  let plan = (await client.expect([200], 'the action plan', 'mou-registry', path)).body as Plan;

  const mous = new Map(
    (await client.listAll<{ id: string; title: string }>('mou-registry', `/api/mous?mission=${missionId}`, 'the MoUs')).map((mou) => [mou.title, mou.id]),
  );
  const projects = new Map<string, string>();
  for (const project of wanted.pilotProjects) {
    let found = plan.pilotProjects.find((one) => one.title === project.title);
    if (!found) {
      const body = {
        title: project.title,
        ...project.body,
        responsible: contact(project.responsible),
        ...(project.mou ? { mouId: mous.get(project.mou) } : {}),
      };
      found = (
        await client.expect([201], `the pilot project ${project.title}`, 'mou-registry', `${path}/pilot-projects`, {
          body,
          idempotent: `plan-pilot-project:${wanted.title}:${project.title}`,
        })
      ).body as Plan['pilotProjects'][number];
    }
    tally.add(
      'plan pilot project',
      `${project.title} (${project.mou ? 'carries out an MoU' : 'without an MoU'})`,
      !plan.pilotProjects.some((one) => one.title === project.title),
    );
    projects.set(project.title, found.id);

    for (const indicator of project.indicators) {
      let known = found.indicators.find((one) => one.name === indicator.name);
      if (!known) {
        const { reports: _reports, ...body } = indicator;
        // The answer is the pilot project with its new indicator.
        const withIt = (
          await client.expect([201], `the indicator ${indicator.name}`, 'mou-registry', `${path}/pilot-projects/${found.id}/indicators`, {
            body,
            idempotent: `indicator:${project.title}:${indicator.name}`,
          })
        ).body as Plan['pilotProjects'][number];
        known = withIt.indicators.find((one) => one.name === indicator.name)!;
      }
      tally.add(
        'indicator',
        `${indicator.name}: ${indicator.baseline} → ${indicator.target} ${indicator.unit}`,
        !found.indicators.some((one) => one.name === indicator.name),
      );
      for (const report of indicator.reports) {
        const reported = known.reports.some((one) => one.asOf === report.asOf);
        if (!reported)
          await client.expect(
            [201],
            `the progress report of ${indicator.name}`,
            'mou-registry',
            `${path}/pilot-projects/${found.id}/indicators/${known.id}/reports`,
            {
              body: report,
              idempotent: `indicator-report:${project.title}:${indicator.name}:${report.asOf}`,
            },
          );
        tally.add('progress report', `${indicator.name}: ${report.value} ${indicator.unit} on ${report.asOf}`, !reported);
      }
    }
  }

  for (const milestone of wanted.milestones) {
    let found = plan.milestones.find((one) => one.title === milestone.title);
    const known = found !== undefined;
    if (!found) {
      const body = {
        title: milestone.title,
        dueOn: milestone.dueOn,
        owner: contact(milestone.owner),
        ...(milestone.pilotProject ? { pilotProjectId: projects.get(milestone.pilotProject) } : {}),
      };
      found = (
        await client.expect([201], `the milestone ${milestone.title}`, 'mou-registry', `${path}/milestones`, {
          body,
          idempotent: `plan-milestone:${wanted.title}:${milestone.title}`,
        })
      ).body as Plan['milestones'][number];
    }
    if (milestone.completed && !found.completedAt)
      await client.expect([200], `the completion of ${milestone.title}`, 'mou-registry', `${path}/milestones/${found.id}/complete`, { method: 'POST' });
    tally.add('plan milestone', `${milestone.title}, due ${milestone.dueOn}${milestone.completed ? ', completed' : ''}`, !known);
  }

  // Only forward along the lifecycle, so that a plan moved on since (closed, withdrawn) is left as it is.
  plan = (await client.expect([200], 'the action plan', 'mou-registry', path)).body as Plan;
  const from = lifecycle.indexOf(plan.status as (typeof lifecycle)[number]);
  const target = lifecycle.indexOf(wanted.status);
  for (let step = from + 1; from >= 0 && step <= target; step++) {
    plan = (await client.expect([200], `the action plan's status ${lifecycle[step]}`, 'mou-registry', `${path}/status`, { body: { status: lifecycle[step] } }))
      .body as Plan;
  }
  tally.add('action plan status', `${wanted.title}: ${plan.status}`, from >= 0 && from < target);
}
