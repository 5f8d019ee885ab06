import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ShellComponent } from '@gfmd/web-shell-feature';

@Component({
  selector: 'gfmd-root',
  imports: [ShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<gfmd-shell />',
})
export class App {}
