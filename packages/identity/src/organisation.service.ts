import { Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DomainError, notFound } from '@talkoot/platform';
import { organisationErrors, placeErrors } from './identity.errors.js';
import { Organisation } from './organisation.entity.js';
import type { OrganisationCreate, OrganisationUpdate, OrganisationView } from './organisation.schemas.js';
import { Village } from './place.entity.js';

export function toOrganisationView(organisation: Organisation): OrganisationView {
  const village = organisation.village;
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    businessId: organisation.businessId,
    village: {
      id: village.id,
      name: village.name,
      municipality: { id: village.municipality.id, name: village.municipality.name },
    },
    contactEmail: organisation.contactEmail,
    contactPhone: organisation.contactPhone,
    description: organisation.description,
  };
}

const populate = ['village', 'village.municipality'] as const;

@Injectable()
export class OrganisationService {
  constructor(private readonly orm: MikroORM) {}

  async listOrganisations(): Promise<{ organisations: OrganisationView[] }> {
    const organisations = await this.orm.em.fork().find(Organisation, {}, { populate, orderBy: { name: 'asc' } });
    return { organisations: organisations.map(toOrganisationView) };
  }

  async getOrganisation(id: string): Promise<{ organisation: OrganisationView }> {
    const organisation = await this.orm.em.fork().findOne(Organisation, { id }, { populate });
    if (!organisation) throw notFound('The organisation');
    return { organisation: toOrganisationView(organisation) };
  }

  async createOrganisation(input: OrganisationCreate): Promise<{ organisation: OrganisationView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const village = await this.findVillage(em, input.villageId);
      await this.assertBusinessIdFree(em, input.businessId ?? null);
      const organisation = em.create(Organisation, {
        name: input.name,
        kind: input.kind,
        businessId: input.businessId ?? null,
        village,
        contactEmail: input.contactEmail ?? null,
        contactPhone: input.contactPhone ?? null,
        description: input.description ?? {},
        createdAt: new Date(),
      });
      em.persist(organisation);
      await em.flush();
      await em.populate(organisation, populate);
      return { organisation: toOrganisationView(organisation) };
    });
  }

  async updateOrganisation(id: string, changes: OrganisationUpdate): Promise<{ organisation: OrganisationView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const organisation = await em.findOne(Organisation, { id }, { populate });
      if (!organisation) throw notFound('The organisation');
      if (changes.villageId !== undefined) organisation.village = await this.findVillage(em, changes.villageId);
      if (changes.businessId !== undefined && changes.businessId !== organisation.businessId) {
        await this.assertBusinessIdFree(em, changes.businessId);
        organisation.businessId = changes.businessId;
      }
      if (changes.name !== undefined) organisation.name = changes.name;
      if (changes.kind !== undefined) organisation.kind = changes.kind;
      if (changes.contactEmail !== undefined) organisation.contactEmail = changes.contactEmail;
      if (changes.contactPhone !== undefined) organisation.contactPhone = changes.contactPhone;
      if (changes.description !== undefined) organisation.description = changes.description;
      await em.flush();
      await em.populate(organisation, populate);
      return { organisation: toOrganisationView(organisation) };
    });
  }

  private async findVillage(em: EntityManager, id: string): Promise<Village> {
    const village = await em.findOne(Village, { id }, { populate: ['municipality'] });
    if (!village)
      throw new DomainError(placeErrors.village_unknown, 'Check the marked fields', {
        villageId: 'Choose a village from the list',
      });
    return village;
  }

  private async assertBusinessIdFree(em: EntityManager, businessId: string | null): Promise<void> {
    if (!businessId) return;
    if (await em.count(Organisation, { businessId })) {
      throw new DomainError(organisationErrors.business_id_taken, 'Another organisation already has this business id', {
        businessId: 'Another organisation already has this business id',
      });
    }
  }
}
