import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

@Component({
  selector: 'gfmd-not-found-page',
  imports: [RouterLink, MatAnchor, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'notFound.title' | t }}</h1>
    <p>{{ 'notFound.body' | t }}</p>
    <a mat-flat-button routerLink="/dialogues">{{ 'notFound.back' | t }}</a>
  `,
})
export class NotFoundPage {}
