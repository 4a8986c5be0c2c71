import { describe, expect, it } from 'vitest';
import { loadProject } from '../load-project.ts';
import type { Project } from '../project/types.ts';
import { busMatrix, busMatrixMarkdown } from './bus-matrix.ts';
import { mermaidErd } from './mermaid-erd.ts';

/** Two dimensions, the calendar, two facts linked by relationships tests and calendar_year columns, a staging model. */
const FILES = {
  'dbt_project.yml': 'name: shop\n',
  'models/staging/stg__x.sql': 'select 1 as id',
  'models/marts/dim__school.sql': 'select 1',
  'models/marts/dim__calendar_year.sql': 'select 1',
  'models/marts/dim__region.sql': 'select 1',
  'models/marts/fct__attendance.sql': 'select 1',
  'models/marts/fct__retention.sql': 'select 1',
  'models/marts/_marts.yml': `models:
  - name: dim__school
    columns:
      - name: _meta__dim__school__sk
        data_tests: [unique, not_null]
      - name: school_code
        data_tests: [unique]
  - name: dim__calendar_year
    columns:
      - name: calendar_year
        data_type: integer
        data_tests: [unique]
  - name: dim__region
    columns:
      - name: _meta__dim__region__sk
  - name: fct__attendance
    columns:
      - name: _meta__fct__attendance__sk
        data_tests: [unique]
      - name: _meta__dim__school__sk
        data_tests:
          - relationships: { to: ref('dim__school'), field: _meta__dim__school__sk }
      - name: calendar_year
  - name: fct__retention
    columns:
      - name: _meta__fct__retention__sk
      - name: calendar_year
      - name: region_code
        data_tests:
          - relationships: { to: ref('dim__region'), field: _meta__dim__region__sk }
`,
};

function fixture(): Project {
  const { project, errors } = loadProject({
    files: Object.entries(FILES).map(([path, content]) => ({ path, content })),
  });
  expect(errors).toEqual([]);
  return project;
}

const ids = (...names: string[]) => new Set(names.map((name) => `model.shop.${name}`));

describe('busMatrix', () => {
  it('marks each fact × dimension linked by a relationships test or a calendar_year column', () => {
    expect(busMatrix({ project: fixture() })).toEqual({
      dimensions: ['dim__calendar_year', 'dim__region', 'dim__school'],
      rows: [
        {
          fact: 'fct__attendance',
          links: { dim__calendar_year: ['calendar_year'], dim__school: ['_meta__dim__school__sk'] },
        },
        { fact: 'fct__retention', links: { dim__calendar_year: ['calendar_year'], dim__region: ['region_code'] } },
      ],
    });
  });

  it('prints as a Markdown table', () => {
    expect(busMatrixMarkdown(busMatrix({ project: fixture() }))).toBe(
      [
        '| fact | dim__calendar_year | dim__region | dim__school |',
        '| --- | :---: | :---: | :---: |',
        '| fct__attendance | ✓ |   | ✓ |',
        '| fct__retention | ✓ | ✓ |   |',
      ].join('\n'),
    );
  });

  it('keeps a selected fact with the dimensions it links to, and a selected dimension with its facts', () => {
    expect(busMatrix({ project: fixture(), selected: ids('fct__attendance') })).toEqual({
      dimensions: ['dim__calendar_year', 'dim__school'],
      rows: [
        {
          fact: 'fct__attendance',
          links: { dim__calendar_year: ['calendar_year'], dim__school: ['_meta__dim__school__sk'] },
        },
      ],
    });
    const byRegion = busMatrix({ project: fixture(), selected: ids('dim__region') });
    expect(byRegion.dimensions).toEqual(['dim__region']);
    expect(byRegion.rows).toEqual([{ fact: 'fct__retention', links: { dim__region: ['region_code'] } }]);
  });
});

describe('mermaidErd', () => {
  it('draws dimensions and facts with their keys, and one relationship per link', () => {
    expect(mermaidErd({ project: fixture() })).toBe(
      [
        'erDiagram',
        '    dim__calendar_year {',
        '        integer calendar_year PK',
        '    }',
        '    dim__region {',
        '        varchar _meta__dim__region__sk PK',
        '    }',
        '    dim__school {',
        '        varchar _meta__dim__school__sk PK',
        '        key school_code UK',
        '    }',
        '    fct__attendance {',
        '        varchar _meta__fct__attendance__sk PK',
        '        varchar _meta__dim__school__sk FK',
        '        integer calendar_year FK',
        '    }',
        '    fct__retention {',
        '        varchar _meta__fct__retention__sk PK',
        '        integer calendar_year FK',
        '        key region_code FK',
        '    }',
        '    dim__school ||--o{ fct__attendance : "_meta__dim__school__sk"',
        '    dim__calendar_year ||--o{ fct__attendance : "calendar_year"',
        '    dim__calendar_year ||--o{ fct__retention : "calendar_year"',
        '    dim__region ||--o{ fct__retention : "region_code = _meta__dim__region__sk"',
      ].join('\n'),
    );
  });

  it('declares a table without known keys by name alone', () => {
    const { project } = loadProject({
      files: [
        { path: 'dbt_project.yml', content: 'name: shop\n' },
        { path: 'models/fct__orders.sql', content: 'select 1' },
      ],
    });
    expect(mermaidErd({ project })).toBe('erDiagram\n    fct__orders');
  });
});
