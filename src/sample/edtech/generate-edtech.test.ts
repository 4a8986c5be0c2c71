import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDTECH_AS_OF, EDTECH_SAMPLE_SIZE, generateEdtechSeeds, generateEdtechTables } from './generate-edtech.ts';

const tables = generateEdtechTables();
const DAY_MS = 86_400_000;
const asOf = Date.parse(`${EDTECH_AS_OF}T00:00:00Z`);
const day = (text: string) => Date.parse(`${text}T00:00:00Z`);
const body = (rows: string[][]) => rows.slice(1);
const students = new Map(body(tables.students).map((row) => [row[0] as string, row]));
const courses = new Map(body(tables.courses).map((row) => [row[0] as string, row]));

describe('the EdTech sample generator', () => {
  it('gives the same rows every time (seeded, not random at run time)', () => {
    expect(generateEdtechTables()).toEqual(tables);
    expect(generateEdtechSeeds().map((file) => file.fileName)).toEqual([
      'students.csv',
      'courses.csv',
      'enrollments.csv',
    ]);
  });

  it('matches the seeds committed in projects/edtech (rerun scripts/generate-edtech-seeds.ts if not)', () => {
    for (const file of generateEdtechSeeds()) {
      const committed = readFileSync(
        new URL(`../../../projects/edtech/seeds/${file.fileName}`, import.meta.url),
        'utf8',
      );
      expect(committed, file.fileName).toBe(file.content);
    }
  });

  it('draws the requested numbers of learners and course runs, with unique ids', () => {
    expect(students.size).toBe(EDTECH_SAMPLE_SIZE.students);
    expect(courses.size).toBe(EDTECH_SAMPLE_SIZE.courses);
    const enrollmentIds = body(tables.enrollments).map((row) => row[0]);
    expect(new Set(enrollmentIds).size).toBe(enrollmentIds.length);
    const pairs = body(tables.enrollments).map((row) => `${row[1]}/${row[2]}`);
    expect(new Set(pairs).size, 'a learner enrolls in a run once').toBe(pairs.length);
  });

  it('gives learners realistic ages (16–64, mostly adults under 35) and registrations from 2021', () => {
    const ages = body(tables.students).map((row) => (asOf - day(row[4] as string)) / (365.25 * DAY_MS));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...ages)).toBeLessThan(65);
    const minors = ages.filter((age) => age < 18).length;
    expect(minors).toBeGreaterThan(0);
    expect(minors / ages.length).toBeLessThan(0.15);
    expect(ages.filter((age) => age < 35).length / ages.length).toBeGreaterThan(0.6);
    for (const row of body(tables.students)) {
      expect((row[6] as string) >= '2021-01-01' && (row[6] as string) <= EDTECH_AS_OF, row[0]).toBe(true);
      expect(row[3]).toMatch(/^[a-z0-9.-]+@example\.edu$/);
    }
  });

  it('gives course runs credits that grow with their level, and dates that end after they start', () => {
    for (const row of courses.values()) {
      const level = Number((row[1] as string).replace(/\D/g, '').charAt(0));
      const credits = Number(row[4]);
      expect({ 1: [2, 3], 2: [3, 4], 3: [4, 6] }[level], row[1]).toContain(credits);
      expect(day(row[6] as string) - day(row[5] as string)).toBeGreaterThanOrEqual(39 * DAY_MS);
      expect(['Y', 'N']).toContain(row[7]);
    }
  });

  it('has runs that ended, runs under way and runs still to come on the data’s last day', () => {
    const status = (row: string[]) =>
      day(row[6] as string) < asOf ? 'ended' : day(row[5] as string) > asOf ? 'yet to start' : 'ongoing';
    const statuses = [...courses.values()].map(status);
    for (const wanted of ['ended', 'ongoing', 'yet to start'])
      expect(statuses.filter((value) => value === wanted).length, wanted).toBeGreaterThan(0);
  });

  it('enrolls learners only after they register, within the run’s window and by the data’s last day', () => {
    const rows = body(tables.enrollments);
    expect(rows.length).toBeGreaterThan(EDTECH_SAMPLE_SIZE.students * 2);
    for (const [id, studentId, courseId, enrolledOn] of rows as [string, string, string, string][]) {
      const student = students.get(studentId);
      const course = courses.get(courseId);
      expect(student && course, id).toBeTruthy();
      expect(enrolledOn >= (student?.[6] as string), id).toBe(true);
      expect(day(enrolledOn) >= day(course?.[5] as string) - 90 * DAY_MS, id).toBe(true);
      expect(enrolledOn <= (course?.[6] as string) && enrolledOn <= EDTECH_AS_OF, id).toBe(true);
    }
    const dates = rows.map((row) => row[3] as string);
    expect(dates, 'ids are issued in date order').toEqual([...dates].sort());
  });
});
