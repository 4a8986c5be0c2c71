import { formatCsv } from '../csv-text.ts';
import { createRandom, type Random } from '../random.ts';
import type { SampleFile } from '../sample-file.ts';
import { COURSE_TEMPLATES, FIRST_NAMES, LAST_NAMES, STATES } from './edtech-catalogue.ts';

/** The last day the sample has data for: no one registers or enrolls after it. */
export const EDTECH_AS_OF = '2026-11-30';

/** How much the EdTech sample holds. */
export interface EdtechSampleSize {
  /** Learners registered. */
  students: number;
  /** Course runs offered (the catalogue's courses, each run one or more times). */
  courses: number;
}

/** The default size: big enough for monthly pivots to have shape, small enough to commit as seeds. */
export const EDTECH_SAMPLE_SIZE: EdtechSampleSize = { students: 500, courses: 60 };

/** The three seed files, as rows of text (header first), before they are written as CSV. */
export interface EdtechTables {
  /** student_id, first_name, last_name, email, date_of_birth, state, registered_on. */
  students: string[][];
  /** course_id, course_code, course_name, subject, credits, start_date, end_date, is_active. */
  courses: string[][];
  /** enrollment_id, student_id, course_id, enrolled_on. */
  enrollments: string[][];
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2021, 0, 1);
const AS_OF = Date.parse(`${EDTECH_AS_OF}T00:00:00Z`);
// Course runs start until a year after the data ends, so some are always still to come.
const LAST_START = Date.UTC(2027, 11, 1);

/**
 * Generate the EdTech sample deterministically (seeded: the same size always gives the same rows): learners
 * aged 16 to 64 at the data's end (most 18–30), registered from 2021, course runs from 2021 to 2027 whose
 * credits grow with their level, and enrollments that fall after the learner registered, within the
 * course's enrollment window (from 90 days before it starts to its end) and never after `EDTECH_AS_OF`.
 */
export function generateEdtechTables(size: EdtechSampleSize = EDTECH_SAMPLE_SIZE): EdtechTables {
  const random = createRandom(20_260_101);
  const students = Array.from({ length: size.students }, (_, index) => drawStudent(random, index + 1));
  // The last fifth of the runs are scheduled around the data's end, so some run over it and some are to come.
  const courses = Array.from({ length: size.courses }, (_, index) =>
    drawCourse(random, index, index >= size.courses * 0.8),
  );
  const enrollments: string[][] = [];
  for (const student of students) {
    const wanted = random.weighted([
      [1, 20],
      [2, 25],
      [3, 20],
      [4, 15],
      [5, 10],
      [7, 6],
      [10, 4],
    ]);
    const taken = new Set<number>();
    for (let attempt = 0; attempt < wanted * 4 && taken.size < wanted; attempt++) {
      const course = random.pick(courses);
      if (taken.has(course.index)) continue;
      const from = Math.max(student.registered, course.start - 90 * DAY_MS);
      const to = Math.min(course.end, AS_OF);
      if (from > to) continue;
      taken.add(course.index);
      const day = from + random.int(0, Math.floor((to - from) / DAY_MS)) * DAY_MS;
      enrollments.push([student.id, course.id, isoDate(day)]);
    }
  }
  // Numbered in date order, as a system that issues ids on enrollment would.
  enrollments.sort((a, b) => (a[2] as string).localeCompare(b[2] as string) || compareIds(a, b));
  return {
    students: [
      ['student_id', 'first_name', 'last_name', 'email', 'date_of_birth', 'state', 'registered_on'],
      ...students.map((student) => student.row),
    ],
    courses: [
      ['course_id', 'course_code', 'course_name', 'subject', 'credits', 'start_date', 'end_date', 'is_active'],
      ...courses.map((course) => course.row),
    ],
    enrollments: [
      ['enrollment_id', 'student_id', 'course_id', 'enrolled_on'],
      ...enrollments.map((row, index) => [`E${String(index + 1).padStart(5, '0')}`, ...row]),
    ],
  };
}

/** The sample as the project's seed files: students.csv, courses.csv and enrollments.csv. */
export function generateEdtechSeeds(size: EdtechSampleSize = EDTECH_SAMPLE_SIZE): SampleFile[] {
  const tables = generateEdtechTables(size);
  return (['students', 'courses', 'enrollments'] as const).map((name) => ({
    fileName: `${name}.csv`,
    content: formatCsv(tables[name]),
  }));
}

function drawStudent(random: Random, number: number): { id: string; registered: number; row: string[] } {
  const id = `S${String(number).padStart(4, '0')}`;
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  // Most learners are young adults; a few are still at school (16–17), some are changing careers.
  const age = random.weighted([
    [random.int(16, 17), 6],
    [random.int(18, 24), 45],
    [random.int(25, 34), 30],
    [random.int(35, 49), 14],
    [random.int(50, 64), 5],
  ]);
  const born = AS_OF - age * 365.25 * DAY_MS - random.int(0, 364) * DAY_MS;
  const registered = FIRST_DAY + random.int(0, Math.floor((AS_OF - FIRST_DAY) / DAY_MS)) * DAY_MS;
  const email = `${first}.${last}.${number}@example.edu`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
  const row = [id, first, last, email, isoDate(born), random.weighted(STATES), isoDate(registered)];
  return { id, registered, row };
}

function drawCourse(
  random: Random,
  index: number,
  current: boolean,
): { id: string; index: number; start: number; end: number; row: string[] } {
  // Every catalogue course runs at least once; the rest are reruns of a random one.
  const template = COURSE_TEMPLATES[index] ?? random.pick(COURSE_TEMPLATES);
  const id = `C${String(index + 1).padStart(3, '0')}`;
  const level = Number(template.code.replace(/\D/g, '').charAt(0));
  const credits = level === 1 ? random.pick([2, 3]) : level === 2 ? random.pick([3, 4]) : random.pick([4, 6]);
  // Starts fall on a Monday, as terms do.
  const startDay = current
    ? AS_OF + random.int(-150, 90) * DAY_MS
    : FIRST_DAY + random.int(0, Math.floor((LAST_START - FIRST_DAY) / DAY_MS)) * DAY_MS;
  const start = startDay + ((8 - new Date(startDay).getUTCDay()) % 7) * DAY_MS;
  const end = start + (random.pick([6, 8, 10, 12, 16, 26]) * 7 - 3) * DAY_MS;
  // Runs that finished more than a year ago are archived; a few others are withdrawn from the catalogue.
  const active = end < AS_OF - 365 * DAY_MS ? false : !random.chance(0.1);
  const row = [id, template.code, template.name, template.subject, String(credits), isoDate(start), isoDate(end)];
  return { id, index, start, end, row: [...row, active ? 'Y' : 'N'] };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function compareIds(a: readonly string[], b: readonly string[]): number {
  return `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`);
}
