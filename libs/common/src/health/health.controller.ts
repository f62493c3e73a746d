import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';

/**
 * Something besides the database the service depends on (the broker), reported by `/health/ready`
 * and `/health/broker` but not deciding readiness.
 */
export interface ReadinessProbe {
  readonly probeName: string;
  isReady(): boolean | Promise<boolean>;
  /** What an operator needs to see about it (state, last error, backlog). */
  describe?(): Promise<object> | object;
}

export const READINESS_PROBES = Symbol('READINESS_PROBES');

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[],
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Ready means the database answers: the broker's state is shown, not checked. A service takes
   * writes while the broker is away (its outbox keeps the events), so a broker outage must not take
   * every API out of the load balancer; `/health/broker` is what alerts on it.
   */
  @Get('ready')
  @HealthCheck()
  async ready() {
    const dependencies = await this.describeProbes();
    try {
      return { ...(await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })])), dependencies };
    } catch (error) {
      if (error instanceof ServiceUnavailableException) throw new ServiceUnavailableException({ ...(error.getResponse() as object), dependencies });
      throw error;
    }
  }

  /** 200 when every dependency besides the database is up (the broker connected, its publishing channel open), 503 otherwise; for alerts. */
  @Get('broker')
  async broker(@Res({ passthrough: true }) response: Response) {
    const states = await Promise.all(this.probes.map(async (probe) => [probe.probeName, await probe.isReady()] as const));
    const up = states.every(([, ready]) => ready);
    response.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', ...(await this.describeProbes()) };
  }

  private async describeProbes(): Promise<Record<string, unknown>> {
    const described = await Promise.all(
      this.probes.map(async (probe) => [probe.probeName, { up: await probe.isReady(), ...((await probe.describe?.()) ?? {}) }] as const),
    );
    return Object.fromEntries(described);
  }
}
