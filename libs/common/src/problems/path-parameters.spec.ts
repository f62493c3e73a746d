import { OrdinalParamPipe, UuidParamPipe } from './path-parameters.js';
import { Problem } from './problem.js';

function refusal(transform: () => unknown) {
  try {
    transform();
  } catch (error) {
    if (error instanceof Problem) return error.toProblemDetails();
    throw error;
  }
  throw new Error('the value was taken');
}

describe('path parameters', () => {
  it('takes a UUID in either case, and names the parameter when it is not one', () => {
    const pipe = new UuidParamPipe();
    expect(pipe.transform('7d0c2a3e-1f7b-4a57-9a1e-2b5f7e0c9d11', { type: 'param', data: 'sessionId' })).toBe('7d0c2a3e-1f7b-4a57-9a1e-2b5f7e0c9d11');
    expect(pipe.transform('7D0C2A3E-1F7B-4A57-9A1E-2B5F7E0C9D11', { type: 'param', data: 'sessionId' })).toBe('7D0C2A3E-1F7B-4A57-9A1E-2B5F7E0C9D11');
    expect(refusal(() => pipe.transform('7d0c2a3e', { type: 'param', data: 'sessionId' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'sessionId', message: 'must be a UUID' }],
    });
  });

  it('takes a version number a Postgres integer holds, and refuses zero, signs, decimals and larger numbers by name', () => {
    const pipe = new OrdinalParamPipe();
    expect(pipe.transform('3', { type: 'param', data: 'version' })).toBe(3);
    expect(pipe.transform('2147483647', { type: 'param', data: 'version' })).toBe(2147483647);
    for (const value of ['0', '-1', '+1', '1.5', '1e3', '2147483648', '99999999999', ' 1', '']) {
      expect(refusal(() => pipe.transform(value, { type: 'param', data: 'version' }))).toMatchObject({ status: 400, errors: [{ field: 'version' }] });
    }
  });
});
