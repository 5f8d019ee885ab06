/** Containers of controls: their invalid state is the one of a control inside. */
const GROUPS = 'form, [formgroupname], [formarrayname], [formgroup], [ngmodelgroup]';
const FOCUSABLE =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Brings the first invalid field under `root` (in page order) into view and gives it the focus,
 * so the errors of a refused submission are not left off-screen. A control that cannot take the
 * focus itself (a radio group, a custom field) passes it to its first focusable element.
 * Returns the element focused, or null when there is no invalid field.
 */
export function focusFirstInvalid(root: ParentNode): HTMLElement | null {
  const invalid = Array.from(root.querySelectorAll<HTMLElement>('.ng-invalid')).find((el) => !el.matches(GROUPS));
  if (!invalid) {
    return null;
  }
  const target = invalid.matches(FOCUSABLE) ? invalid : (invalid.querySelector<HTMLElement>(FOCUSABLE) ?? invalid);
  // The field's label and error sit around it: centre it rather than put it under the sticky toolbar.
  target.scrollIntoView?.({ block: 'center' });
  target.focus({ preventScroll: true });
  return target;
}
