import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

// Supplies the parsed config and the one MikroORM instance to every module of a process.
// Services fork their own EntityManager per request or job from the ORM.
@Global()
@Module({})
export class CoreModule {
  static forRoot(input: { config: AppConfig; orm: MikroORM }): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: input.config },
        { provide: MikroORM, useValue: input.orm },
      ],
      exports: [APP_CONFIG, MikroORM],
    };
  }
}
