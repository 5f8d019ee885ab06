import type { SynthesisSection } from '@gfmd/contracts';

/** Moves the item at `from` to `to` (both clamped); a new array. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}

/** The references used by any section. */
export const usedReferences = (sections: readonly SynthesisSection[]) => new Set(sections.flatMap((s) => s.references));

/** A reference moved within a section or to another one (drag and drop, or the move buttons). */
export function moveReference(
  sections: readonly SynthesisSection[],
  from: { section: number; index: number },
  to: { section: number; index: number },
): SynthesisSection[] {
  const out = sections.map((s) => ({ ...s, references: [...s.references] }));
  const source = out[from.section];
  const target = out[to.section];
  if (!source || !target || from.index < 0 || from.index >= source.references.length) return out;
  if (from.section === to.section) {
    source.references = moveItem(source.references, from.index, to.index);
    return out;
  }
  const [ref] = source.references.splice(from.index, 1);
  target.references.splice(Math.max(0, Math.min(target.references.length, to.index)), 0, ref);
  return out;
}
