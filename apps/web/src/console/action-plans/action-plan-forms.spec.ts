import { indicatorOf, milestoneOf, newPlanOf, pilotProjectOf, reportOf } from './action-plan-forms.js';

const missionId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('the action plan forms', () => {
  it('leave out empty city rows and map the kept rows’ errors back to their own row', () => {
    const form = newPlanOf(
      { title: ' UCAP ', scope: 'city_pair', 'cities.0.name': 'Barcelona', 'cities.0.country': 'es', 'cities.2.name': 'Chengdu', 'cities.2.country': 'CN' },
      missionId,
    );
    expect(form.body).toEqual({
      missionId,
      title: 'UCAP',
      scope: 'city_pair',
      cities: [
        { name: 'Barcelona', country: 'ES' },
        { name: 'Chengdu', country: 'CN' },
      ],
      theme: undefined,
      summary: undefined,
      visibility: 'organisers',
    });
    expect(form.fieldOf('cities.1.country')).toBe('cities.2.country');
    expect(form.fieldOf('cities')).toBe('cities');
    expect(form.fieldOf('title')).toBe('title');
  });

  it('read partners one per line, a budget only with an amount, and no MoU when none is chosen', () => {
    expect(pilotProjectOf({ title: 'E-buses', 'responsible.name': 'Laia', partners: 'TMB\nChengdu Bus; \n', mouId: '' }).body).toEqual({
      title: 'E-buses',
      mouId: undefined,
      responsible: { name: 'Laia', email: undefined },
      partners: ['TMB', 'Chengdu Bus'],
      means: undefined,
      budget: undefined,
    });
    expect(pilotProjectOf({ 'budget.amount': '1000,5', 'budget.currency': 'eur' }).body.budget).toEqual({ amount: 1000.5, currency: 'EUR' });
  });

  it('read figures as numbers and leave empty ones out, for the registry to name', () => {
    expect(indicatorOf({ name: 'Buses', unit: 'buses', baseline: '0', target: '' }).body).toEqual({
      name: 'Buses',
      unit: 'buses',
      baseline: 0,
      target: undefined,
    });
    expect(reportOf({ value: '4', asOf: '2020-06-30', note: '' }).body).toEqual({ value: 4, asOf: '2020-06-30', note: undefined });
    expect(milestoneOf({ title: 'T', dueOn: '2030-01-01', 'owner.name': 'Jordi', pilotProjectId: '' }).body).toMatchObject({ pilotProjectId: undefined });
  });
});
