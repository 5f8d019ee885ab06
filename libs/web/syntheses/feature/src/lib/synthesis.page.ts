import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { LANGUAGES, type ProblemDetails, type Synthesis, type SynthesisTarget } from '@gfmd/contracts';
import { SynthesesApi } from '@gfmd/web-syntheses-data-access';
import { LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ContentLangDirective, I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { toProblem } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';
import { synthesisHeading } from './synthesis-title';

/**
 * The public page of a published synthesis: introduction, numbered recommendations, downloads,
 * and subscribing (also before it is published, to be told when it is).
 */
@Component({
  selector: 'gfmd-synthesis-page',
  imports: [
    ContentLangDirective,
    FormsModule,
    NgTemplateOutlet,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    LoadingStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './synthesis.page.html',
  styleUrl: './synthesis.page.scss',
})
export class SynthesisPage implements OnInit {
  private readonly api = inject(SynthesesApi);
  protected readonly i18n = inject(I18n);
  readonly target = input.required<SynthesisTarget>();
  readonly id = input.required<string>();

  protected readonly synthesis = signal<Synthesis | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly email = signal('');
  protected readonly sent = signal(false);
  protected readonly subscribeProblem = signal<ProblemDetails | null>(null);
  protected readonly languages = LANGUAGES;
  protected readonly byReference = computed(
    () => new Map((this.synthesis()?.recommendations ?? []).map((r) => [r.reference, r])),
  );
  /** The heading in the page's words around the session's or milestone's own title (`targetTitleLang`). */
  protected readonly heading = computed(() => {
    const s = this.synthesis();
    return s ? synthesisHeading(s, this.i18n) : null;
  });
  protected readonly paragraphs = computed(() =>
    (this.synthesis()?.introduction ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  );

  ngOnInit(): void {
    void this.init();
  }

  private async init(): Promise<void> {
    try {
      this.synthesis.set(await firstValueFrom(this.api.get(this.target(), this.id())));
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected documentUrl(kind: 'pdf' | 'docx', lang: string): string {
    return `/api/v1/${this.target()}/${encodeURIComponent(this.id())}/synthesis.${kind}?lang=${lang}`;
  }

  protected async subscribe(): Promise<void> {
    this.subscribeProblem.set(null);
    try {
      await firstValueFrom(
        this.api.subscribe(this.target(), this.id(), { email: this.email(), language: this.i18n.contractLanguage() }),
      );
      this.sent.set(true);
    } catch (error) {
      this.subscribeProblem.set(toProblem(error));
    }
  }
}
