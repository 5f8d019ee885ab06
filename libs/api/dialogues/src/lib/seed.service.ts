import { Injectable, Logger } from '@nestjs/common';
import { zonedTimeToUtc } from '@gfmd/api-platform';
import { DialoguesRepository } from './dialogues.repository';
import {
  GCM_MILESTONE_TRANSLATIONS,
  GCM_PHASE_TRANSLATIONS,
  GCM_PROCESS_TRANSLATIONS,
  GCM_SESSIONS,
} from './gcm-seed.data';
import { GCM_PROCESS_SLUG, ProcessesRepository } from './processes.repository';

export const DEMO_DIALOGUE_TITLE = 'GFMD Thematic Dialogue on the human rights of all migrants (demo)';

/** Extra demo content (spaces, agenda) contributed by other domains for the demo dialogue. */
export type DemoSeeder = (dialogueId: string) => Promise<void>;

/**
 * Seeds the GCM process (themes and the six informal sessions of 2017) idempotently, and,
 * unless SEED_DEMO=false, one published demo dialogue that can be registered for.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);
  private readonly demoSeeders: DemoSeeder[] = [];

  constructor(
    private readonly repo: DialoguesRepository,
    private readonly processes: ProcessesRepository,
  ) {}

  addDemoSeeder(seeder: DemoSeeder) {
    this.demoSeeders.push(seeder);
  }

  async seedProcess(): Promise<void> {
    // The process itself, its phases and milestones are written by the Processes migration.
    const gcm = await this.processes.findBySlug(GCM_PROCESS_SLUG);
    if (!gcm) return;
    for (const s of GCM_SESSIONS) {
      await this.repo.upsertTheme(s.code, s.title, gcm.id);
      const theme = await this.repo.findThemeByCode(s.code);
      if (!theme || (await this.repo.findSessionByNumber(gcm.id, s.number))) continue;
      await this.repo
        .saveSession({
          processId: gcm.id,
          number: s.number,
          title: s.title,
          themeId: theme.id,
          startsAt: zonedTimeToUtc(s.starts, s.timeZone),
          endsAt: zonedTimeToUtc(s.ends, s.timeZone),
          venue: s.venue,
          timeZone: s.timeZone,
        })
        .catch((error: { code?: string }) => {
          if (error.code !== '23505') throw error; // another replica seeded it first
        });
    }
    // Their official French and Spanish titles (docs/i18n.md), where no translation is stored yet.
    await this.processes.seedTranslations(
      gcm.id,
      GCM_PROCESS_TRANSLATIONS,
      GCM_PHASE_TRANSLATIONS,
      GCM_MILESTONE_TRANSLATIONS,
    );
    for (const s of GCM_SESSIONS) {
      await this.repo.seedThemeAndSessionTranslations(gcm.id, s.code, s.number, s.translations);
    }
  }

  /**
   * The demo dialogue lies in the future so that it can be registered for; it is attached to
   * the first informal session, which lies in the past, so it also shows a scheduling warning.
   */
  async seedDemo(now = new Date()): Promise<void> {
    if (await this.repo.findDialogueByTitle(DEMO_DIALOGUE_TITLE)) return;
    const gcm = await this.processes.findBySlug(GCM_PROCESS_SLUG);
    const session = gcm ? await this.repo.findSessionByNumber(gcm.id, 1) : null;
    if (!session) return;
    const day = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const next = new Date(now.getTime() + 31 * 86_400_000).toISOString().slice(0, 10);
    const dialogue = await this.repo.saveDialogue({
      title: DEMO_DIALOGUE_TITLE,
      summary:
        'Governments, international organizations, civil society, the private sector and academia meet ahead of the informal thematic session on the human rights of all migrants, social inclusion and cohesion, to prepare a joint contribution.',
      informalSessionId: session.id,
      themeIds: [session.themeId],
      startsAt: zonedTimeToUtc(`${day}T09:00`, 'Europe/Zurich'),
      endsAt: zonedTimeToUtc(`${next}T17:30`, 'Europe/Zurich'),
      timeZone: 'Europe/Zurich',
      venue: 'Geneva, International Conference Centre (CICG)',
      format: 'hybrid',
      onlineUrl: 'https://meet.example.org/gfmd-demo',
      capacity: 120,
      approvalRequired: false,
      stakeholderQuotas: { government: 50, civil_society: 30, private_sector: 20 },
      languages: ['en', 'fr', 'es'],
      status: 'published',
      confirmedCount: 0,
    });
    for (const seeder of this.demoSeeders) await seeder(dialogue.id);
    this.logger.log('demo dialogue seeded');
  }
}
