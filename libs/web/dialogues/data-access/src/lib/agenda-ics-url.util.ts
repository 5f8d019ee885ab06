/** Public calendar file of a dialogue's agenda (no request: a link the browser downloads). */
export function agendaIcsUrl(dialogueId: string): string {
  return `/api/v1/dialogues/${encodeURIComponent(dialogueId)}/agenda.ics`;
}
