import { isSqliteType } from '../database/database-type';

/**
 * "Name contains", case-insensitive for Vietnamese letters on both databases. SQLite's LOWER() and LIKE fold
 * ASCII letters only, so there "đèo" would never find "Đèo Văn Piêng": SQLite gets a GLOB whose every letter is
 * a class of its two cases (`*[đĐ][èÈ][oO]*`). PostgreSQL lowers with its UTF-8 locale. Either way the search
 * text's wildcard characters (`%`, `_`, `*`, `?`) are matched literally.
 */
export function nameContains(databaseType: string, column: string, text: string): { sql: string; parameters: { q: string } } {
  const lower = text.normalize('NFC').toLowerCase();
  if (isSqliteType(databaseType)) {
    const glob = [...lower]
      .map((character) => {
        if ('*?['.includes(character)) return `[${character}]`;
        const upper = character.toUpperCase();
        return upper !== character && [...upper].length === 1 ? `[${character}${upper}]` : character;
      })
      .join('');
    return { sql: `${column} GLOB :q`, parameters: { q: `*${glob}*` } };
  }
  return { sql: `LOWER(${column}) LIKE :q ESCAPE '\\'`, parameters: { q: `%${lower.replace(/[\\%_]/g, (character) => `\\${character}`)}%` } };
}
