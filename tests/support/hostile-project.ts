import { NSW_OUTLINE } from '../../src/ui/components/nsw-outline.ts';
import { HOSTILE_PAYLOADS } from './hostile-payloads.ts';

/** A report file whose name is itself a payload: it shows in the navigation, the Workbench and the share diff. */
export const HOSTILE_FILE_NAME_REPORT = 'reports/<img src=x onerror=__pwned(70)>.md';

/** A seed whose name is a payload: its table, lineage node and file-tree entry carry the name. */
export const HOSTILE_FILE_NAME_SEED = 'seeds/x<svg onload=__pwned(71)>.csv';

/** A component title or description (quoted attribute values cannot hold a double quote). */
const attribute = (id: number) => `<img src=x onerror=__pwned(${id})>`;

/**
 * The seed every hostile query reads: one school per payload, named with it, its suburb and website too,
 * all at the spot the map centres on, so the pointer finds the markers in the middle of the map.
 */
export function hostileSeedCsv(): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const rows = HOSTILE_PAYLOADS.map((payload, index) =>
    [
      quote(payload),
      quote(`suburb ${payload}`),
      String(index + 1),
      String(MAP_CENTRE.lat),
      String(MAP_CENTRE.lng),
      quote('javascript:__pwned(31)'),
    ].join(','),
  );
  return ['school_name,town_suburb,n,latitude,longitude,website', ...rows].join('\n') + '\n';
}

/**
 * A report where the payloads flow everywhere a report puts text: its frontmatter, markdown paragraphs,
 * a table's cells, chart titles, axes and tooltips, a BigValue, input labels and options, map tooltips and
 * popups, and inputs whose values come from the share link.
 */
export function hostileReport(): string {
  return [
    '---',
    `title: "Hostile ${attribute(50)}"`,
    `description: "${attribute(51)}"`,
    '---',
    '',
    `# Hostile data ${attribute(52)}`,
    '',
    ...HOSTILE_PAYLOADS.flatMap((payload) => [payload, '']),
    '```sql hostile',
    'select * from hostile_schools order by n',
    '```',
    '',
    '```sql few',
    'select * from hostile_schools order by n limit 4',
    '```',
    '',
    '```sql first',
    'select n, school_name from hostile_schools order by n limit 1',
    '```',
    '',
    `<Dropdown name=pick data={hostile} value=school_name title="${attribute(57)}" />`,
    `<ButtonGroup name=press data={few} value=school_name title="${attribute(58)}" />`,
    `<TextInput name=typed title="${attribute(59)}" />`,
    '',
    '```sql echo',
    'select ${inputs.typed} as typed, ${inputs.pick} as picked, ${inputs.press} as pressed',
    '```',
    '',
    '<DataTable data={echo} rows=100 />',
    '',
    '<DataTable data={hostile} rows=100 />',
    '',
    `<BarChart data={few} x=school_name y=n title="${attribute(53)}" />`,
    '',
    `<LineChart data={few} x=school_name y=n title="${attribute(54)}" />`,
    '',
    `<BigValue data={first} value=n title="${attribute(55)}" description="${attribute(56)}" />`,
    '',
    '<PointMap data={hostile} lat=latitude long=longitude pointName=school_name tooltip=town_suburb popup="town_suburb, website" />',
    '',
  ].join('\n');
}

/**
 * The middle of NSW as the map draws it: PointMap fits the outline's bounds, which puts their centre in Web
 * Mercator (not the mean of the latitudes) at the centre of the map.
 */
const MAP_CENTRE = (() => {
  const lats = NSW_OUTLINE.map(([lat]) => lat);
  const lngs = NSW_OUTLINE.map(([, lng]) => lng);
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const middle = (y(Math.min(...lats)) + y(Math.max(...lats))) / 2;
  return {
    lat: (Math.atan(Math.exp(middle)) * 360) / Math.PI - 90,
    lng: (Math.min(...lngs) + Math.max(...lngs)) / 2,
  };
})();
