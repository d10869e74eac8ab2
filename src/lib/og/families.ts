/**
 * Font families of the share cards. Each @fontsource subset file gets its own family name and the
 * font-family lists all three, so the renderer falls back per glyph to the subset that has it (with
 * one shared name, satori, the previous renderer, kept one file per weight and dropped or swapped
 * glyphs: "thực" → "th c", "Ủy" → "Ưy").
 */
export const FONT_SUBSETS = [
  { subset: 'latin', family: 'BVP-latin' },
  { subset: 'vietnamese', family: 'BVP-vi' },
  { subset: 'latin-ext', family: 'BVP-latinext' },
] as const;

/** Weights the templates use; only these files are loaded. */
export const FONT_WEIGHTS = [400, 700, 800] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

/** CSS font-family value for every text node of a card. */
export const FONT_FAMILY = FONT_SUBSETS.map((s) => s.family).join(', ');

/**
 * Every font face the cards register, in registration order (weights, then subsets in fallback
 * order), with the file name the editor's card preview fetches it under.
 */
export const CARD_FONT_FACES = FONT_WEIGHTS.flatMap((weight) =>
  FONT_SUBSETS.map(({ subset, family }) => ({ subset, family, weight, file: `${family}-${weight}` })),
);
