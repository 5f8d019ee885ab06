import { SPACE_DESCRIPTION_MAX_LENGTH, spaceTranslatedFields, splitList } from './space-fields';

describe('spaceTranslatedFields', () => {
  const t = (key: string) => `<${key}>`;

  it("gives organizers the name and the description, with the API's limits", () => {
    expect(spaceTranslatedFields(t)).toEqual([
      { key: 'name', label: '<common.name>', max: 200 },
      { key: 'description', label: '<spaces.description>', max: SPACE_DESCRIPTION_MAX_LENGTH, multiline: true },
    ]);
    expect(SPACE_DESCRIPTION_MAX_LENGTH).toBe(5000);
  });

  it('gives a coordinator the description only', () => {
    expect(spaceTranslatedFields(t, ['description']).map((f) => f.key)).toEqual(['description']);
  });
});

describe('splitList', () => {
  it('splits on commas, semicolons and lines, without blanks or repeats', () => {
    expect(splitList(' Room A, Room B;Room A\n\n Room C ')).toEqual(['Room A', 'Room B', 'Room C']);
  });
});
