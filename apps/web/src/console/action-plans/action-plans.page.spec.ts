import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAssetManifest } from '../../kit/assets.js';
import type { PageContext } from '../../kit/page-context.js';
import { actionPlanPage } from '../../mission/action-plan.page.js';
import { planListPage, planPage, type PlanPageData } from './action-plans.page.js';

const page: PageContext = { language: 'en', locale: 'en', path: '/console', query: {} };
const mission = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  code: 'CDU',
  title: 'Chengdu 2019',
  startsOn: '2019-06-09',
  endsOn: '2019-06-15',
  timezone: 'Asia/Shanghai',
};

const plan: PlanPageData['plan'] = {
  id: '9b2c7f4e-1d3a-4e5b-8c6d-7e8f9a0b1c2d',
  missionId: mission.id,
  title: 'Barcelona–Chengdu UCAP',
  scope: 'city_pair',
  cities: [
    { name: 'Barcelona', country: 'ES' },
    { name: 'Chengdu', country: 'CN' },
  ],
  theme: 'mobility',
  summary: null,
  visibility: 'public',
  status: 'draft',
  nextStatuses: ['submitted', 'withdrawn'],
  authors: [{ name: 'Laia Puig', email: 'laia@example.es', role: 'city_representative', organisation: 'Ajuntament de Barcelona' }],
  pilotProjects: [
    {
      id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
      title: 'E-buses <line 5>',
      mouId: null,
      mouReference: null,
      responsible: { name: 'Jordi Vila', email: 'jordi@example.es' },
      partners: ['TMB'],
      means: null,
      budget: { amount: 2_000_000, currency: 'EUR' },
      budgetSources: [{ source: 'EU IUC', amount: 1_200_000 }],
      status: 'planned',
      indicators: [
        {
          id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
          name: 'E-buses in service',
          unit: 'buses',
          baseline: 0,
          target: 10,
          latest: 4,
          progress: 0.4,
          reports: [{ value: 4, asOf: '2020-06-30', note: null }],
        },
      ],
    },
  ],
  milestones: [],
};

describe('the action plan pages', () => {
  // The layout names its stylesheet by the built assets' manifest: one of the test's own.
  const assets = mkdtempSync(join(tmpdir(), 'plan-page-assets-'));
  beforeAll(() => {
    writeFileSync(join(assets, 'manifest.json'), JSON.stringify({ 'kit/site.css': '/assets/site.css' }));
    loadAssetManifest(assets);
  });
  afterAll(() => rmSync(assets, { recursive: true, force: true }));

  it('offer only the moves the registry allows, and a form for each thing a plan takes', () => {
    const keys = { project: 'k'.repeat(16), indicator: 'i'.repeat(16), report: 'r'.repeat(16), milestone: 'm'.repeat(16) };
    const html = planPage(page, { mission, plan, mous: [], keys });
    expect(html).toContain('value="submitted"');
    expect(html).toContain('value="withdrawn"');
    expect(html).not.toContain('value="approved"');
    for (const action of ['/pilot-projects"', '/indicators"', '/reports"', '/milestones"']) expect(html).toContain(action);
    expect(html).toContain('E-buses &lt;line 5&gt;');
    expect(html).toContain('value="40"');
  });

  it('show a finished plan without forms, and a refused form with its error beside its field', () => {
    const keys = { project: 'k'.repeat(16), indicator: 'i'.repeat(16), report: 'r'.repeat(16), milestone: 'm'.repeat(16) };
    const closed = planPage(page, { mission, plan: { ...plan, status: 'closed', nextStatuses: [] }, mous: [], keys });
    expect(closed).toContain('The plan can no longer change.');
    expect(closed).not.toContain('/milestones"');
    const refused = planListPage(page, mission, [], 'n'.repeat(16), {
      form: 'plan',
      problem: { type: 'about:blank', title: 'Invalid', status: 400, errors: [{ field: 'cities.1.name', message: 'a city pair is two cities' }] },
      errors: { 'cities.1.name': 'a city pair is two cities' },
      fields: { title: 'UCAP' },
    });
    expect(refused).toContain('a city pair is two cities');
    expect(refused).toContain('value="UCAP"');
  });

  it('show a public plan without anyone’s address when the registry gives none', () => {
    const { authors, pilotProjects, ...rest } = plan;
    const publicPlan = {
      ...rest,
      authors: authors!.map(({ email: _email, ...author }) => author),
      pilotProjects: pilotProjects!.map((project) => ({ ...project, responsible: { name: project.responsible.name } })),
    };
    const html = actionPlanPage(page, mission.id, publicPlan);
    expect(html).toContain('Jordi Vila');
    expect(html).not.toContain('@example');
    expect(html).toContain('A project of the plan alone (no MoU)');
  });
});
