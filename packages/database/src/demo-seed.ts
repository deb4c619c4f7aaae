import type { MikroORM } from '@mikro-orm/postgresql';
import { Membership, Municipality, Organisation, Region, User, Village } from '@talkoot/identity';
import type { Role } from '@talkoot/identity';
import type { Language } from '@talkoot/platform';
import { demoOrganisations, demoPlaces, demoUsers } from './demo-data.js';
import { seedDemoEvents } from './demo-events.js';
import { seedDemoLending } from './demo-lending.js';
import { seedDemoVenues } from './demo-venues.js';
import { seedDemoVolunteering } from './demo-volunteering.js';

export interface DemoAccount {
  email: string;
  name: string;
  description: string;
}

// Loads the demo region on an empty database. Returns the sign-in addresses to print, or
// undefined when the database already has data (a restart keeps what is there).
export async function seedDemoData(orm: MikroORM): Promise<DemoAccount[] | undefined> {
  return orm.em.fork().transactional(async (em) => {
    if (await em.count(Region, {})) return undefined;
    const villages = new Map<string, Village>();
    for (const regionInput of demoPlaces) {
      const region = em.create(Region, { name: regionInput.region });
      for (const municipalityInput of regionInput.municipalities) {
        const municipality = em.create(Municipality, { region, name: municipalityInput.name });
        for (const villageName of municipalityInput.villages) {
          villages.set(`${municipalityInput.name}/${villageName}`, em.create(Village, { municipality, name: villageName }));
        }
      }
    }
    const organisations = new Map<string, Organisation>();
    for (const input of demoOrganisations) {
      const village = villages.get(input.village);
      if (!village) throw new Error(`demo data: unknown village ${input.village}`);
      organisations.set(
        input.key,
        em.create(Organisation, {
          name: input.name,
          kind: input.kind,
          businessId: input.businessId ?? null,
          village,
          contactEmail: input.contactEmail ?? null,
          contactPhone: input.contactPhone ?? null,
          description: input.description,
          createdAt: new Date(),
        }),
      );
    }
    const accounts: DemoAccount[] = [];
    const users = new Map<string, User>();
    for (const input of demoUsers) {
      const user = em.create(User, {
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        language: input.language as Language,
        isPlatformAdmin: input.isPlatformAdmin ?? false,
        createdAt: new Date(),
      });
      for (const [key, role] of input.memberships) {
        const organisation = organisations.get(key);
        if (!organisation) throw new Error(`demo data: unknown organisation ${key}`);
        em.create(Membership, { user, organisation, role: role as Role, createdAt: new Date() });
      }
      accounts.push({ email: input.email, name: input.name, description: input.description });
      users.set(input.email, user);
    }
    seedDemoVenues(em, { organisations, villages, users });
    const events = seedDemoEvents(em, { organisations, villages, users });
    seedDemoLending(em, { organisations, villages, users });
    seedDemoVolunteering(em, { organisations, users, events });
    await em.flush();
    return accounts;
  });
}
