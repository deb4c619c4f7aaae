import { Module } from '@nestjs/common';

// Needs CoreModule (config + ORM) and IdentityModule (access guard) from the composition root.
@Module({
  controllers: [],
  providers: [],
})
export class VolunteeringModule {}
