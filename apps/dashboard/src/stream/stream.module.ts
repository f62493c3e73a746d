import { Module, type DynamicModule } from '@nestjs/common';
import { EventLogModule } from '../event-log/event-log.module.js';
import { STREAM_OPTIONS, StreamService, type StreamOptions } from './stream.service.js';
import { StreamController } from './stream.controller.js';

@Module({})
export class StreamModule {
  static forRoot(options: StreamOptions = {}): DynamicModule {
    return {
      module: StreamModule,
      imports: [EventLogModule],
      controllers: [StreamController],
      providers: [StreamService, { provide: STREAM_OPTIONS, useValue: options }],
    };
  }
}
