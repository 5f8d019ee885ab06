import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/** What every sign-in and password page's template uses: a reactive form of Material fields, a problem alert. */
export const AUTH_FORM_IMPORTS = [
  ReactiveFormsModule,
  MatFormField,
  MatLabel,
  MatError,
  MatInput,
  MatButton,
  ProblemAlertComponent,
  TranslatePipe,
] as const;
