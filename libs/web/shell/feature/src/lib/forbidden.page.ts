import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

@Component({
  selector: 'gfmd-forbidden-page',
  imports: [RouterLink, MatAnchor, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'forbidden.title' | t }}</h1>
    <p>{{ 'forbidden.body' | t }}</p>
    <a mat-flat-button routerLink="/dialogues">{{ 'notFound.back' | t }}</a>
  `,
})
export class ForbiddenPage {}
