import type { InputValue } from '../../core/report/bind-inputs.ts';
import { resolveProps, type ComponentRegistry } from '../../core/report/component-spec.ts';
import type { ReportDocument } from '../../core/report/parse-report.ts';

/**
 * The values a page's inputs start with: each input's own starting value (when it needs no query to know
 * it), replaced by `given` (a shared link's, or those chosen before an edit) wherever it has one.
 */
export function startingInputs(options: {
  report: ReportDocument;
  registry: ComponentRegistry;
  given?: ReadonlyMap<string, InputValue> | undefined;
}): Map<string, InputValue> {
  const values = new Map<string, InputValue>();
  for (const block of options.report.blocks) {
    if (block.kind !== 'component') continue;
    const spec = options.registry.get(block.name);
    if (!spec?.input || !spec.initialValue) continue;
    const props = resolveProps({ tag: block, spec, resultOf: () => undefined });
    const name = props['name'];
    const value = spec.initialValue(props);
    if (typeof name === 'string' && value !== undefined) values.set(name, value);
  }
  for (const [name, value] of options.given ?? []) values.set(name, value);
  return values;
}
