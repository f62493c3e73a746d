// MoUs: drafted with their parties and signatories, a text, signed and in force, with pilot projects and milestones.
import * as story from './chengdu-liuzhou.js';
import { nameOf, type Participant, type Tally } from './demo-context.js';
import type { MissionHubClient } from './mission-hub-client.js';

const lifecycle = ['draft', 'negotiating', 'signed', 'in_force'] as const;

export async function createMous(client: MissionHubClient, tally: Tally, missionId: string, participants: Map<string, Participant>): Promise<void> {
  const existing = new Map(
    (await client.listAll<{ id: string; title: string }>('mou-registry', `/api/mous?mission=${missionId}`, 'the MoUs')).map((mou) => [mou.title, mou.id]),
  );
  for (const mou of story.mous) {
    let id = existing.get(mou.title);
    if (!id) {
      const body = {
        missionId,
        title: mou.title,
        summary: mou.summary,
        themes: mou.themes,
        parties: mou.parties,
        signatories: mou.signatories,
        ...(mou.entryIntoForceOn ? { entryIntoForceOn: mou.entryIntoForceOn } : {}),
        ...(mou.expiresOn ? { expiresOn: mou.expiresOn } : {}),
        // On the record from the start, so that the reference takes the signing year (MOU-2019-…).
        ...(mou.status === 'in_force' ? story.signing : {}),
        visibility: 'public',
      };
      id = (await client.expect([201], `the MoU ${mou.title}`, 'mou-registry', '/api/mous', { body, idempotent: `mou:${mou.title}` })).body.id;
    }
    await recordMou(client, tally, mou, `/api/mous/${id}`, !existing.has(mou.title));
    await followUp(client, tally, mou, `/api/mous/${id}`, participants);
  }
}

/** Its text, and its way along the lifecycle: only forward, so that an MoU moved on since (completed, terminated, expired) is left as it is. */
async function recordMou(client: MissionHubClient, tally: Tally, mou: story.Mou, path: string, created: boolean): Promise<void> {
  let current = (await client.expect([200], `the MoU ${mou.title}`, 'mou-registry', path)).body;
  tally.add('MoU', `${current.reference} ${mou.title}`, created);

  if (current.versions.length === 0) {
    await client.expect([201], 'the MoU text', 'mou-registry', `${path}/versions?language=en`, {
      document: { text: mou.text, mediaType: 'text/plain' },
      idempotent: `mou-version:${mou.title}`,
    });
  }
  tally.add('MoU version', `${current.reference} version 1 (en)`, current.versions.length === 0);

  const target = lifecycle.indexOf(mou.status);
  const from = lifecycle.indexOf(current.status);
  for (let step = from + 1; from >= 0 && step <= target; step++) {
    const status = lifecycle[step]!;
    const body = status === 'signed' && !current.signedOn ? { status, ...story.signing } : { status };
    current = (await client.expect([200], `the MoU's status ${status}`, 'mou-registry', `${path}/status`, { body })).body;
  }
  tally.add(
    'MoU status',
    `${current.reference} ${current.status}${current.signedOn ? `, signed in ${current.signedPlace} on ${current.signedOn}` : ''}`,
    from >= 0 && from < target,
  );
}

/** Its pilot projects, and their milestones (those done completed). */
async function followUp(client: MissionHubClient, tally: Tally, mou: story.Mou, path: string, participants: Map<string, Participant>): Promise<void> {
  const projects = new Map(
    ((await client.expect([200], 'the pilot projects', 'mou-registry', `${path}/pilot-projects`)).body as { id: string; title: string }[]).map((project) => [
      project.title,
      project.id,
    ]),
  );
  for (const project of mou.pilotProjects) {
    const there = projects.has(project.title);
    if (!there) {
      const created = await client.expect([201], `the pilot project ${project.title}`, 'mou-registry', `${path}/pilot-projects`, {
        body: project,
        idempotent: `pilot-project:${mou.title}:${project.title}`,
      });
      projects.set(project.title, created.body.id);
    }
    tally.add('pilot project', `${project.title} (${project.leadParty}, ${project.status})`, !there);
  }

  const milestones = (await client.expect([200], 'the milestones', 'mou-registry', `${path}/milestones`)).body as {
    id: string;
    title: string;
    completedAt: string | null;
  }[];
  for (const milestone of mou.milestones) {
    let found = milestones.find((one) => one.title === milestone.title);
    const there = found !== undefined;
    if (!found) {
      const owner = participants.get(milestone.owner)!.person;
      const body = {
        title: milestone.title,
        dueOn: milestone.dueOn,
        owner: { name: nameOf(owner), email: owner.email, preferredLanguage: owner.preferredLanguage },
        ...(milestone.pilotProject ? { pilotProjectId: projects.get(milestone.pilotProject) } : {}),
      };
      found = (
        await client.expect([201], `the milestone ${milestone.title}`, 'mou-registry', `${path}/milestones`, {
          body,
          idempotent: `milestone:${mou.title}:${milestone.title}`,
        })
      ).body as { id: string; title: string; completedAt: string | null };
    }
    if (milestone.completed && !found.completedAt) {
      await client.expect([200], `the completion of ${milestone.title}`, 'mou-registry', `${path}/milestones/${found.id}/complete`, { method: 'POST' });
    }
    tally.add('milestone', `${milestone.title}, due ${milestone.dueOn}${milestone.completed ? ', completed' : ''}`, !there);
  }
}
