import { GroupCommit, GroupQueueFull, type Outcome } from './group-commit.js';

/** A `decide` that records each group and finishes it only when the test says so. */
function recorder<R>(answer: (request: string) => Outcome<R>) {
  const groups: { key: string; requests: string[] }[] = [];
  const finish: (() => void)[] = [];
  const failWith: ((error: Error) => void)[] = [];
  const decide = (key: string, requests: readonly string[]) =>
    new Promise<Outcome<R>[]>((resolve, reject) => {
      groups.push({ key, requests: [...requests] });
      finish.push(() => resolve(requests.map(answer)));
      failWith.push(reject);
    });
  return { groups, finish, failWith, decide };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const upper = (request: string): Outcome<string> => ({ ok: true, value: request.toUpperCase() });

describe('GroupCommit', () => {
  it('decides what arrives in one turn as one group, and what arrives while it runs as the next, in arrival order', async () => {
    const { groups, finish, decide } = recorder(upper);
    const commit = new GroupCommit(decide, 10);
    const first = ['a', 'b'].map((request) => commit.submit('mission', request));
    await turn();
    expect(groups).toEqual([{ key: 'mission', requests: ['a', 'b'] }]);

    const second = ['c', 'd', 'e'].map((request) => commit.submit('mission', request));
    await turn();
    expect(groups).toHaveLength(1); // the next group waits for the one running
    expect(commit.pending('mission')).toBe(3);

    finish[0]!();
    await expect(Promise.all(first)).resolves.toEqual(['A', 'B']);
    await turn();
    expect(groups[1]).toEqual({ key: 'mission', requests: ['c', 'd', 'e'] });
    finish[1]!();
    await expect(Promise.all(second)).resolves.toEqual(['C', 'D', 'E']);
  });

  it('fails only the request whose outcome is a failure', async () => {
    const refused = new Error('already registered');
    const { finish, decide } = recorder((request) => (request === 'dup' ? { ok: false, error: refused } : upper(request)));
    const commit = new GroupCommit(decide, 10);
    const answers = ['a', 'dup', 'b'].map((request) => commit.submit('mission', request).catch((error: unknown) => error));
    await turn();
    finish[0]!();
    expect(await Promise.all(answers)).toEqual(['A', refused, 'B']);
  });

  it('fails every request of a group whose decision fails, and goes on with the next group', async () => {
    const { finish, failWith, decide } = recorder(upper);
    const commit = new GroupCommit(decide, 10);
    const failed = ['a', 'b'].map((request) => commit.submit('mission', request).catch((error: unknown) => error));
    await turn();
    const next = commit.submit('mission', 'c');
    const lost = new Error('connection lost');
    failWith[0]!(lost);
    expect(await Promise.all(failed)).toEqual([lost, lost]);
    await turn();
    finish[1]!();
    await expect(next).resolves.toBe('C');
  });

  it('fails the whole group when the decision answers for the wrong number of requests', async () => {
    const commit = new GroupCommit<string, string, string>(async () => [{ ok: true, value: 'one' }], 10);
    const answers = ['a', 'b'].map((request) => commit.submit('mission', request).catch((error: unknown) => (error as Error).message));
    expect(await Promise.all(answers)).toEqual(['decided 1 outcomes for a group of 2', 'decided 1 outcomes for a group of 2']);
  });

  it('takes at most maxGroupSize requests into one group', async () => {
    const { groups, finish, decide } = recorder(upper);
    const commit = new GroupCommit(decide, 2);
    const answers = ['a', 'b', 'c', 'd', 'e'].map((request) => commit.submit('mission', request));
    for (let group = 0; group < 3; group++) {
      await turn();
      finish[group]!();
      await turn();
    }
    await expect(Promise.all(answers)).resolves.toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(groups.map((group) => group.requests)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('does not hold one key up behind another', async () => {
    const { groups, finish, decide } = recorder(upper);
    const commit = new GroupCommit(decide, 10);
    const one = commit.submit('one', 'a');
    await turn();
    const other = commit.submit('other', 'b');
    await turn();
    expect(groups.map((group) => group.key)).toEqual(['one', 'other']);
    finish[1]!();
    await expect(other).resolves.toBe('B');
    finish[0]!();
    await expect(one).resolves.toBe('A');
  });

  it('starts a new group for a key that fell idle', async () => {
    const { groups, finish, decide } = recorder(upper);
    const commit = new GroupCommit(decide, 10);
    const first = commit.submit('mission', 'a');
    await turn();
    finish[0]!();
    await first;
    await turn();
    expect(commit.pending('mission')).toBe(0);
    const again = commit.submit('mission', 'b');
    await turn();
    finish[1]!();
    await expect(again).resolves.toBe('B');
    expect(groups).toHaveLength(2);
  });

  it('refuses a group size that is not a positive integer', () => {
    expect(() => new GroupCommit(async () => [], 0)).toThrow(RangeError);
  });

  it('refuses a request past the waiting limit of its key, and takes it again once the queue has drained', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const decide = async (key: string, requests: readonly string[]) => {
      if (key === 'mission') await held;
      return requests.map((request) => ({ ok: true as const, value: request }));
    };
    const commit = new GroupCommit(decide, 2, 3);
    const taken = ['a', 'b', 'c'].map((request) => commit.submit('mission', request));
    await expect(commit.submit('mission', 'd')).rejects.toBeInstanceOf(GroupQueueFull);
    await expect(commit.submit('another mission', 'e')).resolves.toBe('e');
    release();
    await expect(Promise.all(taken)).resolves.toEqual(['a', 'b', 'c']);
    await expect(commit.submit('mission', 'f')).resolves.toBe('f');
  });
});
