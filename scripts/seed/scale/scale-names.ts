// Invented names for the scale clinic, built from syllables.
const GIVEN_A = [
  'Ari',
  'Bel',
  'Cal',
  'Dar',
  'Elo',
  'Fen',
  'Gil',
  'Hal',
  'Ivo',
  'Jun',
  'Kel',
  'Lor',
  'Mae',
  'Nor',
];
const GIVEN_B = ['a', 'en', 'ie', 'o', 'is', 'an', 'y'];
const FAMILY_A = [
  'Ash',
  'Birch',
  'Cobb',
  'Dun',
  'Elm',
  'Fern',
  'Gale',
  'Holl',
  'Ivers',
  'Jarr',
  'Kest',
  'Lark',
];
const FAMILY_B = ['wood', 'ford', 'ley', 'ton', 'well', 'by', 'combe', 'field', 'more'];

/** A generated list of invented names (no real person's name list is used). */
export function scaleNames(): { given: string[]; family: string[] } {
  return {
    given: GIVEN_A.flatMap((a) => GIVEN_B.map((b) => a + b)),
    family: FAMILY_A.flatMap((a) => FAMILY_B.map((b) => a + b)),
  };
}
