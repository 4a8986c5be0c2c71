import type { Project } from '../project/types.ts';
import { readStarSchema, type KeyColumn, type StarTable } from './star-schema.ts';

/**
 * A Mermaid `erDiagram` (https://mermaid.js.org/syntax/entityRelationshipDiagram.html) of the project's
 * dimensions and facts with their key columns (PK, UK, FK), and one `dimension ||--o{ fact` relationship per
 * link (a `relationships` test, or a `calendar_year` column), labelled with the linking column. With
 * `selected` (unique ids), the selected tables and those they link to directly.
 */
export function mermaidErd(options: { project: Project; selected?: ReadonlySet<string> | undefined }): string {
  const star = readStarSchema(options);
  const lines = ['erDiagram'];
  for (const table of [...star.dimensions, ...star.facts]) lines.push(...entityLines(table));
  for (const link of star.links) {
    const label = link.column === link.field ? link.column : `${link.column} = ${link.field}`;
    lines.push(`    ${link.to} ||--o{ ${link.from} : "${label}"`);
  }
  return lines.join('\n');
}

function entityLines(table: StarTable): string[] {
  if (table.keys.length === 0) return [`    ${table.name}`];
  return [`    ${table.name} {`, ...table.keys.map((key) => `        ${attributeLine(key)}`), '    }'];
}

function attributeLine(key: KeyColumn): string {
  return `${attributeType(key)} ${key.name} ${key.roles.join(', ')}`.trimEnd();
}

/** Mermaid attribute types are single words: the declared type's name (`decimal(10,2)` → `decimal`), else a guess from the name. */
function attributeType(key: KeyColumn): string {
  const declared = key.dataType?.toLowerCase().match(/^[a-z_][a-z0-9_]*/)?.[0];
  if (declared) return declared;
  if (key.name.endsWith('_sk')) return 'varchar';
  if (key.name === 'calendar_year') return 'integer';
  return 'key';
}
