import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataHooks, PersonDataRegistry } from '@gfmd/api-platform';
import { WebhookOutboxRepository } from './webhook-outbox.repository';

/**
 * The personal fields a delivery's payload may hold (subscriptions marked for personal data)
 * are erased with the rest of a person's data: by address (`DELETE /participants`, and listed by
 * the export) and with a dialogue's people when its retention period ends. The delivery log
 * itself is kept WEBHOOK_LOG_DAYS (the sweep prunes it).
 */
@Injectable()
export class WebhookPersonalData implements OnModuleInit {
  constructor(
    private readonly outbox: WebhookOutboxRepository,
    private readonly registry: PersonDataRegistry,
    private readonly retention: PersonalDataHooks,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'webhookDeliveries',
      export: (email) => this.outbox.personalOf(email),
      erase: (email) => this.outbox.stripPersonal({ email }),
    });
    this.retention.onDialogueErasure('webhooks', async (dialogueId) => ({
      deliveriesStripped: await this.outbox.stripPersonal({ dialogueId }),
    }));
  }
}
