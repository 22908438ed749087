/**
 * The JSON body limit, computed from what the DTOs and JSON imports accept rather than
 * body-parser's 100 kB default (which answered an unexplained 413 to lists the DTOs allow).
 *
 * The longest lists are 5,000 items (drafts, appraisal rounds, proposal edits, explanations, and
 * the unit, survey and index-set imports sent as JSON). The largest item without free text is a
 * unit-import row at its maximum lengths: code (32) + name (255 characters, up to 3 bytes each in
 * UTF-8) + group (32) + two e-mail addresses (320 each) + keys and punctuation (~80) ≈ 1,550
 * bytes. Notes and explanation texts may be longer, but never on all 5,000 items at once: a
 * campaign's index set has a few hundred leaves.
 */
export const MAX_LIST_ITEMS = 5_000;
export const LARGEST_ITEM_BYTES = 32 + 255 * 3 + 32 + 2 * 320 + 80;
/** A quarter again as margin, rounded up to whole MiB: 10 MiB. */
export const JSON_BODY_LIMIT_BYTES =
  Math.ceil((MAX_LIST_ITEMS * LARGEST_ITEM_BYTES * 1.25) / (1024 * 1024)) * 1024 * 1024;
