import type { LoggedEvent } from '../event-log/event-log.repository.js';
import { MissionStream, type StreamSink } from './mission-stream.js';

const missionId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const event = (position: number): LoggedEvent => ({ position, type: 'registration.confirmed', json: `{"n":${position}}` });

class MemorySink implements StreamSink {
  chunks: string[] = [];
  ended = false;
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  bufferedBytes(): number {
    return 0;
  }
  drained(): Promise<void> {
    return Promise.resolve();
  }
  end(): void {
    this.ended = true;
  }
  ids(): number[] {
    return this.chunks.map((chunk) => Number(/^id: (\d+)/.exec(chunk)?.[1])).filter((id) => !Number.isNaN(id));
  }
}

describe('MissionStream', () => {
  it('replays the log after the given position, then follows live events', async () => {
    const log = [event(3), event(5), event(8)];
    const sink = new MemorySink();
    const stream = new MissionStream(missionId, 3, sink, async (_, after) => log.filter((e) => e.position > after));
    await stream.catchUp();
    stream.offer(event(9));
    expect(sink.ids()).toEqual([5, 8, 9]);
  });

  it('holds live events that arrive during the replay and sends each event once, in order', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sink = new MemorySink();
    const stream = new MissionStream(missionId, 0, sink, async (_, after) => {
      await gate;
      return [event(1), event(2), event(3)].filter((e) => e.position > after);
    });
    const replay = stream.catchUp();
    stream.offer(event(3)); // committed before the replay read the log: it comes back in the replay too
    stream.offer(event(4));
    release();
    await replay;
    stream.offer(event(4));
    stream.offer(event(5));
    expect(sink.ids()).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads the log again when asked to catch up during a replay (a notice was missed)', async () => {
    const log = [event(1)];
    let reads = 0;
    const sink = new MemorySink();
    const stream = new MissionStream(missionId, 0, sink, async (_, after) => {
      reads++;
      const page = log.filter((e) => e.position > after);
      if (reads === 1) {
        log.push(event(2));
        void stream.catchUp();
      }
      return page;
    });
    await stream.catchUp();
    expect(sink.ids()).toEqual([1, 2]);
  });

  it('ends the response when the log cannot be read, so the client resumes from where it was', async () => {
    const sink = new MemorySink();
    const stream = new MissionStream(missionId, 0, sink, async () => {
      throw new Error('database gone');
    });
    await expect(stream.catchUp()).rejects.toThrow('database gone');
    expect(sink.ended).toBe(true);
    stream.offer(event(1));
    expect(sink.chunks).toEqual([]);
  });
});
