import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  CreateWebhookRequest,
  Page,
  ProblemDetails,
  UpdateWebhookRequest,
  WebhookCreated,
  WebhookDelivery,
  WebhookSubscription,
} from '@gfmd/contracts';
import { toProblem } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';
import { WebhooksApi } from './webhooks.api';

/** The webhooks page: subscriptions, the one whose delivery log is open, and that log's page. */
@Injectable()
export class WebhooksStore {
  private readonly api = inject(WebhooksApi);
  private readonly listState = signal<WebhookSubscription[] | null>(null);
  private readonly loadingState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);
  private readonly busyState = signal<ReadonlySet<string>>(new Set());
  private readonly openState = signal<string | null>(null);
  private readonly logState = signal<Page<WebhookDelivery> | null>(null);

  readonly subscriptions = computed(() => this.listState() ?? []);
  readonly loaded = computed(() => this.listState() !== null);
  readonly loading = this.loadingState.asReadonly();
  readonly problem = this.problemState.asReadonly();
  readonly busy = this.busyState.asReadonly();
  /** The subscription whose delivery log is shown. */
  readonly openId = this.openState.asReadonly();
  readonly log = this.logState.asReadonly();

  async load(): Promise<void> {
    this.loadingState.set(true);
    this.problemState.set(null);
    try {
      this.listState.set(await firstValueFrom(this.api.list()));
    } catch (error) {
      this.problemState.set(toProblem(error));
    } finally {
      this.loadingState.set(false);
    }
  }

  /** Creates; throws the HTTP error for the form. The answer holds the secret, shown once. */
  async create(body: CreateWebhookRequest): Promise<WebhookCreated> {
    const created = await firstValueFrom(this.api.create(body));
    const { secret: _secret, ...shown } = created;
    this.listState.update((list) => [...(list ?? []), shown]);
    return created;
  }

  /** Changes events, URL or personal data; throws the HTTP error for the form. */
  async update(id: string, body: UpdateWebhookRequest): Promise<WebhookSubscription> {
    const saved = await firstValueFrom(this.api.update(id, body));
    this.replace(saved);
    return saved;
  }

  setActive(sub: WebhookSubscription, active: boolean): Promise<boolean> {
    return this.act(sub.id, async () => this.replace(await firstValueFrom(this.api.update(sub.id, { active }))));
  }

  remove(sub: WebhookSubscription): Promise<boolean> {
    return this.act(sub.id, async () => {
      await firstValueFrom(this.api.remove(sub.id));
      this.listState.update((list) => (list ?? []).filter((s) => s.id !== sub.id));
      if (this.openState() === sub.id) this.close();
    });
  }

  /** A new secret (shown once), or null when refused (the store's problem says why). */
  async rotate(sub: WebhookSubscription): Promise<string | null> {
    let secret: string | null = null;
    await this.act(sub.id, async () => {
      secret = (await firstValueFrom(this.api.rotateSecret(sub.id))).secret;
    });
    return secret;
  }

  /** Sends a ping and opens the log, where it appears. */
  sendTest(sub: WebhookSubscription): Promise<boolean> {
    return this.act(sub.id, async () => {
      await firstValueFrom(this.api.test(sub.id));
      await this.open(sub.id);
    });
  }

  replay(delivery: WebhookDelivery): Promise<boolean> {
    return this.act(delivery.id, async () => {
      await firstValueFrom(this.api.replay(delivery.subscriptionId, delivery.id));
      await this.refreshLog();
    });
  }

  async open(id: string, page = 1, pageSize = 10): Promise<void> {
    this.openState.set(id);
    this.problemState.set(null);
    try {
      this.logState.set(await firstValueFrom(this.api.deliveries(id, page, pageSize)));
    } catch (error) {
      this.problemState.set(toProblem(error));
    }
  }

  /** Reads the open log again (its page), and the subscriptions (failure counts change with it). */
  async refreshLog(): Promise<void> {
    const id = this.openState();
    const log = this.logState();
    if (id) await this.open(id, log?.page ?? 1, log?.pageSize ?? 10);
    try {
      this.listState.set(await firstValueFrom(this.api.list()));
    } catch {
      // the list stays as it was; the log's own problem is shown
    }
  }

  close(): void {
    this.openState.set(null);
    this.logState.set(null);
  }

  private replace(sub: WebhookSubscription): void {
    this.listState.update((list) => (list ?? []).map((s) => (s.id === sub.id ? sub : s)));
  }

  private async act(id: string, action: () => Promise<unknown>): Promise<boolean> {
    this.busyState.update((s) => new Set([...s, id]));
    this.problemState.set(null);
    try {
      await action();
      return true;
    } catch (error) {
      this.problemState.set(toProblem(error));
      return false;
    } finally {
      this.busyState.update((s) => new Set([...s].filter((x) => x !== id)));
    }
  }
}
