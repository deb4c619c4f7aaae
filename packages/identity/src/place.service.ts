import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Municipality, Region, Village } from './place.entity.js';
import type { Places } from './place.schemas.js';

@Injectable()
export class PlaceService {
  constructor(private readonly orm: MikroORM) {}

  async listPlaces(): Promise<Places> {
    const em = this.orm.em.fork();
    const [regions, municipalities, villages] = await Promise.all([
      em.find(Region, {}, { orderBy: { name: 'asc' } }),
      em.find(Municipality, {}, { orderBy: { name: 'asc' } }),
      em.find(Village, {}, { orderBy: { name: 'asc' } }),
    ]);
    return {
      regions: regions.map((region) => ({
        id: region.id,
        name: region.name,
        municipalities: municipalities
          .filter((municipality) => municipality.region.id === region.id)
          .map((municipality) => ({
            id: municipality.id,
            name: municipality.name,
            villages: villages
              .filter((village) => village.municipality.id === municipality.id)
              .map((village) => ({ id: village.id, name: village.name })),
          })),
      })),
    };
  }
}
