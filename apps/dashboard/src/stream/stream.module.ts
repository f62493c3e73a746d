import { Module, type DynamicModule } from '@nestjs/common';
import { StreamController } from './stream.controller.js';
import { STREAM_OPTIONS, StreamHub, type StreamOptions } from './stream-hub.js';

@Module({})
export class StreamModule {
  static forRoot(options: StreamOptions = {}): DynamicModule {
    return { module: StreamModule, controllers: [StreamController], providers: [StreamHub, { provide: STREAM_OPTIONS, useValue: options }] };
  }
}
