/**
 * The mock portal as a process, for the end-to-end tests: every catalogued source at its real path on
 * 127.0.0.1 (no CORS header, like a portal that does not allow cross-site downloads), plus control routes
 * the tests use to make one dataset drift or fail:
 *   /__control/edit?path=&find=&replace=   change a file's text (a header renamed, a value broken)
 *   /__control/failure?path=&status=        answer a path with an HTTP status (0 to clear)
 *   /__control/reset                        undo every edit and failure
 *   /__control/hits                         how many data requests were served
 */
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { loadProject } from '../../src/core/load-project.ts';
import { portalFromCatalogue } from './catalogue-portal.ts';
import { startMockPortal, type MockPortal, type MockReply, type MockRequest } from './mock-portal.ts';

const port = Number(process.env.PORT ?? 4180);
const options = portalFromCatalogue(loadProject({ files: readProjectDir(process.cwd()) }).project);
const originals = new Map(Object.entries(options.files).map(([path, file]) => [path, file.body]));
const failed = new Set<string>();
// The control routes need the running portal, which exists only once the routes are handed over.
const started: { portal?: MockPortal } = {};

const ok = (body: string): MockReply => ({ body, contentType: 'text/plain' });

const routes: Record<string, (request: MockRequest) => MockReply> = {
  '/__control/edit': ({ query }) => {
    const file = options.files[query.get('path') ?? ''];
    if (!file || typeof file.body !== 'string') return { status: 404, body: 'no such text file\n' };
    file.body = file.body.replaceAll(query.get('find') ?? '', query.get('replace') ?? '');
    return ok('edited\n');
  },
  '/__control/failure': ({ query }) => {
    const path = query.get('path') ?? '';
    const status = Number(query.get('status') ?? 0);
    started.portal?.setFailure(path, status > 0 ? { kind: 'status', status } : undefined);
    if (status > 0) failed.add(path);
    return ok('set\n');
  },
  '/__control/reset': () => {
    for (const [path, body] of originals) (options.files[path] as { body: string | Uint8Array }).body = body;
    for (const path of failed) started.portal?.setFailure(path, undefined);
    failed.clear();
    return ok('reset\n');
  },
  '/__control/hits': () => ok(`${started.portal?.hits.filter((hit) => !hit.startsWith('/__control')).length ?? 0}\n`),
};

const portal = await startMockPortal({ ...options, routes, port });
started.portal = portal;
console.log(`Mock portal on ${portal.url}`);
