import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ShellComponent } from './shell/feature/shell.component';

@Component({
  selector: 'gfmd-root',
  imports: [ShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<gfmd-shell />',
})
export class App {}
