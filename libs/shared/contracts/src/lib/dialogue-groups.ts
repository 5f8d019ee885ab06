/** The list's filters: a theme (the dialogue's own or its session's) and an informal session. */
export interface DialogueGroupFilters {
  themeId?: string;
  informalSessionId?: string;
}

/** One group of the public list: an informal session (undefined when unknown) and its dialogues. */
export interface SessionGroupOf<S, D> {
  session: S | undefined;
  dialogues: D[];
}

/**
 * The public list's groups: the dialogues matching the filters, in date order under their informal
 * session, the sessions by number (dialogues of an unknown session last). The web's list and the
 * page the API paints before the app starts show the same groups in the same order.
 */
export function dialoguesBySession<
  D extends { informalSessionId: string; startsAt: string; themeIds?: readonly string[] | null },
  S extends { id: string; number: number; themeId?: string | null },
>(dialogues: readonly D[], sessions: readonly S[], filters: DialogueGroupFilters = {}): SessionGroupOf<S, D>[] {
  const sessionsById = new Map(sessions.map((s) => [s.id, s]));
  const matching = dialogues
    .filter(
      (d) =>
        !filters.themeId ||
        (d.themeIds ?? []).includes(filters.themeId) ||
        sessionsById.get(d.informalSessionId)?.themeId === filters.themeId,
    )
    .filter((d) => !filters.informalSessionId || d.informalSessionId === filters.informalSessionId)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const groups = new Map<string, SessionGroupOf<S, D>>();
  for (const dialogue of matching) {
    const group = groups.get(dialogue.informalSessionId) ?? {
      session: sessionsById.get(dialogue.informalSessionId),
      dialogues: [],
    };
    group.dialogues.push(dialogue);
    groups.set(dialogue.informalSessionId, group);
  }
  return [...groups.values()].sort(
    (a, b) => (a.session?.number ?? Number.MAX_SAFE_INTEGER) - (b.session?.number ?? Number.MAX_SAFE_INTEGER),
  );
}
