export * from './loading-state.component';
export * from './empty-state.component';
export * from './problem-alert.component';
export * from './confirm-dialog.component';
export * from './confirm.service';
export * from './field-error.pipe';
