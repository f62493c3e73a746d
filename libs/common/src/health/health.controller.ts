import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';

/** Something besides the database that must be reachable for the service to be ready. */
export interface ReadinessProbe {
  readonly probeName: string;
  isReady(): boolean | Promise<boolean>;
}

export const READINESS_PROBES = Symbol('READINESS_PROBES');

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[],
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready means the database and the broker answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      ...this.probes.map((probe) => async () => {
        const session = this.indicators.check(probe.probeName);
        return (await probe.isReady()) ? session.up() : session.down();
      }),
    ]);
  }
}
