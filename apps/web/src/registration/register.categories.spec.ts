import { categoryBody, readCategoryForm, splitCategoryErrors, type FormCategory } from './register.categories.js';

const categories: FormCategory[] = [
  {
    code: 'delegate',
    name: 'Delegate',
    language: 'en',
    window: 'open',
    approval: 'automatic',
    waitlist: true,
    questions: [
      { key: 'arrival', kind: 'date', required: true, label: 'Arrival', language: 'en', options: [] },
      { key: 'diet', kind: 'choices', required: false, label: 'Diet', language: 'en', options: [{ value: 'halal', label: 'Halal' }] },
      { key: 'photo', kind: 'yes-no', required: true, label: 'Photo', language: 'en', options: [] },
    ],
  },
  {
    code: 'press',
    name: 'Press',
    language: 'en',
    window: 'open',
    approval: 'manual',
    waitlist: false,
    questions: [{ key: 'outlet', kind: 'text', required: true, label: 'Outlet', language: 'en', options: [] }],
  },
];

describe('the registration form’s categories', () => {
  it('reads each category’s answers from fields of its own', () => {
    const body = {
      category: 'delegate',
      'answers.delegate.arrival': '2019-06-10',
      'answers.delegate.diet': ['halal'],
      'answers.press.outlet': 'Xinhua',
      other: 'x',
    };
    expect(readCategoryForm(body, categories)).toEqual({
      category: 'delegate',
      answers: { 'delegate.arrival': '2019-06-10', 'delegate.diet': ['halal'], 'press.outlet': 'Xinhua' },
    });
    expect(readCategoryForm({ category: '' }, categories)).toEqual({ category: undefined, answers: {} });
  });

  it('sends the chosen category’s answers only, typed as registration takes them, the empty ones left out', () => {
    const values = {
      category: 'delegate',
      answers: { 'delegate.arrival': ' 2019-06-10 ', 'delegate.diet': 'halal', 'delegate.photo': 'no', 'press.outlet': 'Xinhua' },
    };
    expect(categoryBody(categories, values)).toEqual({ category: 'delegate', answers: { arrival: '2019-06-10', diet: ['halal'], photo: false } });
    expect(categoryBody(categories, { category: 'delegate', answers: { 'delegate.arrival': '' } })).toEqual({ category: 'delegate', answers: {} });
  });

  it('sends no category when the mission has none, and an unknown one as it came (registration refuses it)', () => {
    expect(categoryBody([], { category: 'delegate', answers: {} })).toEqual({});
    expect(categoryBody(categories, { category: 'staff', answers: {} })).toEqual({ category: 'staff' });
    expect(categoryBody(categories, { answers: {} })).toEqual({});
  });

  it('puts the problems on the category and on the chosen category’s questions', () => {
    expect(splitCategoryErrors({ category: 'is required', 'answers.arrival': 'is required', email: 'Invalid email address' }, 'delegate')).toEqual({
      category: 'is required',
      answers: { 'delegate.arrival': 'is required' },
      rest: { email: 'Invalid email address' },
    });
  });
});
