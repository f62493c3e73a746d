import { milestoneOf, moveOf, pilotProjectOf } from './mou-record-forms.js';

describe("the forms of an MoU's page", () => {
  it('sends a move to signed with its date and place, and drops them from any other move', () => {
    expect(moveOf({ status: 'signed', signedOn: '2019-06-12', signedPlace: 'Chengdu', reason: '' }).body).toEqual({
      status: 'signed',
      signedOn: '2019-06-12',
      signedPlace: 'Chengdu',
    });
    expect(moveOf({ status: 'terminated', signedOn: '2019-06-12', reason: ' Funding withdrawn ' }).body).toEqual({
      status: 'terminated',
      reason: 'Funding withdrawn',
    });
  });

  it('sends a budget only when an amount is given, and names the fields of the body by the form’s own names', () => {
    expect(
      pilotProjectOf({ 'project.title': 'E-bus pilot', 'project.leadParty': 'Liuzhou', 'project.budget.amount': '', 'project.status': 'running' }).body,
    ).toEqual({
      title: 'E-bus pilot',
      leadParty: 'Liuzhou',
      status: 'running',
    });
    const project = pilotProjectOf({ 'project.title': 'x', 'project.budget.amount': '120000', 'project.budget.currency': 'eur' });
    expect(project.body.budget).toEqual({ amount: 120000, currency: 'EUR' });
    expect(project.fieldOf('budget.currency')).toBe('project.budget.currency');
    expect(project.fieldOf('leadParty')).toBe('project.leadParty');
  });

  it('sends a milestone with its owner, and an e-mail and a project only when chosen', () => {
    const milestone = milestoneOf({
      'milestone.title': 'Data platform live',
      'milestone.dueOn': '2020-03-31',
      'milestone.owner.name': 'Li Wei',
      'milestone.owner.email': '',
      'milestone.pilotProjectId': '',
    });
    expect(milestone.body).toEqual({ title: 'Data platform live', dueOn: '2020-03-31', owner: { name: 'Li Wei' } });
    expect(milestone.fieldOf('owner.email')).toBe('milestone.owner.email');
    expect(milestone.fieldOf('owner')).toBe('milestone.owner.name');
  });
});
