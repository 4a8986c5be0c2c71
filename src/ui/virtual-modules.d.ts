/** The address of the bundled project's JSON data file (scripts/bundled-project-plugin.ts). */
declare module 'virtual:bundled-project-url' {
  const url: string;
  export default url;
}
