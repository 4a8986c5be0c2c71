/**
 * The made-up catalogue the EdTech sample draws from: learners' names and home states, and an online
 * school's courses. Course codes follow the university convention the project's models rely on: the
 * first digit of the number is the level (1xx beginner, 2xx intermediate, 3xx advanced).
 */

/** Given names, mixed as an Australian online school's intake might be. */
export const FIRST_NAMES: readonly string[] = (
  'Olivia Noah Charlotte Oliver Amelia Jack Isla William Mia Leo Ava Henry Grace Thomas Chloe ' +
  'Lucas Zoe James Ruby Ethan Priya Arjun Mei Wei Aisha Omar Sofia Mateo Hana Kenji Ngaio ' +
  'Tane Fatima Ali Linh Minh Elena Luca Sienna Harrison'
).split(' ');

/** Family names; a few carry an apostrophe or a hyphen, as real ones do. */
export const LAST_NAMES: readonly string[] = (
  'Smith Nguyen Williams Brown Wilson Taylor Johnson White Martin Anderson Thompson Tran ' +
  'Walker Harris Lee Ryan Robinson Kelly King Patel Singh Chen Wang Kim Rossi Papadopoulos ' +
  "O'Brien Murphy Campbell Clarke Hughes Lewis Ahmed Khan Garcia Ward Smith-Jones Young " +
  'Wright Scott'
).split(' ');

/** Australian states and territories with a weight near their share of the population. */
export const STATES: readonly (readonly [state: string, weight: number])[] = [
  ['NSW', 31],
  ['VIC', 26],
  ['QLD', 20],
  ['WA', 11],
  ['SA', 7],
  ['TAS', 2],
  ['ACT', 2],
  ['NT', 1],
];

/** One course of the catalogue, before it is given dates. */
export interface CourseTemplate {
  /** Subject code and number, e.g. `DATA101`. */
  code: string;
  /** Title shown to learners. */
  name: string;
  /** Subject area. */
  subject: string;
}

/** The courses offered, 1xx to 3xx in each subject. */
export const COURSE_TEMPLATES: readonly CourseTemplate[] = [
  { code: 'DATA101', name: 'Introduction to SQL', subject: 'Data' },
  { code: 'DATA102', name: 'Spreadsheets for Analysis', subject: 'Data' },
  { code: 'DATA210', name: 'Data Modelling with dbt', subject: 'Data' },
  { code: 'DATA220', name: 'Dashboards and Storytelling', subject: 'Data' },
  { code: 'DATA310', name: 'Data Engineering Pipelines', subject: 'Data' },
  { code: 'STAT101', name: 'Statistics Foundations', subject: 'Statistics' },
  { code: 'STAT201', name: 'Regression in Practice', subject: 'Statistics' },
  { code: 'STAT301', name: 'Bayesian Methods', subject: 'Statistics' },
  { code: 'PROG101', name: 'Python Basics', subject: 'Programming' },
  { code: 'PROG110', name: 'Web Fundamentals', subject: 'Programming' },
  { code: 'PROG205', name: 'TypeScript for Applications', subject: 'Programming' },
  { code: 'PROG230', name: 'Testing Software', subject: 'Programming' },
  { code: 'PROG320', name: 'Distributed Systems', subject: 'Programming' },
  { code: 'MATH101', name: 'Algebra Refresher', subject: 'Mathematics' },
  { code: 'MATH201', name: 'Linear Algebra', subject: 'Mathematics' },
  { code: 'MATH305', name: 'Optimisation', subject: 'Mathematics' },
  { code: 'BUSI101', name: 'Business Foundations', subject: 'Business' },
  { code: 'BUSI215', name: 'Product Management', subject: 'Business' },
  { code: 'BUSI330', name: 'Strategy with Data', subject: 'Business' },
  { code: 'DESN101', name: 'Design Thinking', subject: 'Design' },
  { code: 'DESN240', name: 'Interaction Design', subject: 'Design' },
  { code: 'DESN310', name: 'Accessibility in Depth', subject: 'Design' },
];
