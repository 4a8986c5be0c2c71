import { GENERIC_TEST_NAMES, genericTestNodeName } from '../data-tests/generic-tests.ts';
import { hashString } from '../text/hash.ts';
import { nearestNames } from '../text/nearest.ts';
import { configFromTree, mergeConfig } from './node-config.ts';
import type { SchemaDeclarations, TestDeclaration } from './parse-schema-files.ts';
import type { Project, ProjectError, ProjectFile, ProjectNode, TestNode } from './types.ts';
import { discoverCalls, type DiscoveredCalls } from './discover-calls.ts';
import { messageOf } from '../text/message-of.ts';

/**
 * Turn YAML test declarations and singular test files into test nodes. A generic test depends on the node
 * it tests (and, for relationships, on the `to` node); a singular test depends on whatever it refs.
 */
export function buildTestNodes(options: {
  project: Project;
  schema: SchemaDeclarations;
  testFiles: readonly ProjectFile[];
  errors: ProjectError[];
  describe: (text: string, path: string) => string;
}): TestNode[] {
  const { project, schema, errors } = options;
  const prefix = project.settings.name;
  const tested: Array<{ nodeId: string; tests: TestDeclaration[]; path: string }> = [
    ...[...schema.models].map(([name, patch]) => ({
      nodeId: `model.${prefix}.${name}`,
      tests: patch.tests,
      path: patch.path,
    })),
    ...[...schema.seeds].map(([name, patch]) => ({
      nodeId: `seed.${prefix}.${name}`,
      tests: patch.tests,
      path: patch.path,
    })),
    ...schema.sources.map((s) => ({
      nodeId: `source.${prefix}.${s.sourceName}.${s.tableName}`,
      tests: s.tests,
      path: s.path,
    })),
  ];
  const tests: TestNode[] = [];
  for (const { nodeId, tests: declarations, path } of tested) {
    const node = project.nodes.get(nodeId);
    if (!node) continue;
    for (const declaration of declarations) {
      const test = genericTestNode({ project, node, declaration, path, errors });
      if (test) tests.push(test);
    }
  }
  for (const file of options.testFiles) {
    const test = singularTestNode({ project, file, errors });
    if (test) tests.push(test);
  }
  return tests;
}

function genericTestNode(options: {
  project: Project;
  node: ProjectNode;
  declaration: TestDeclaration;
  path: string;
  errors: ProjectError[];
}): TestNode | undefined {
  const { project, node, declaration, path, errors } = options;
  const { testName, args, columnName, line } = declaration;
  if (!GENERIC_TEST_NAMES.includes(testName)) {
    const hint = nearestNames({ name: testName, candidates: GENERIC_TEST_NAMES });
    errors.push({
      path,
      line,
      message: `Unknown test '${testName}' on ${node.name}. Did you mean ${hint.map((h) => `'${h}'`).join(', ')}? Known tests: ${GENERIC_TEST_NAMES.join(', ')}.`,
    });
    return undefined;
  }
  const dependsOn = [node.uniqueId];
  if (typeof args.to === 'string') {
    const target = resolveReferenceExpression({ project, expression: args.to });
    if (!target) {
      errors.push({
        path,
        line,
        message: `Test '${testName}' on ${node.name}: 'to: ${args.to}' names no model, seed or source.`,
      });
      return undefined;
    }
    dependsOn.push(target);
  }
  // dbt names source tests `source_<test>_<source>_<table>_<column>`.
  const name =
    node.resourceType === 'source'
      ? `source_${genericTestNodeName({ name: testName, modelName: `${node.sourceName}_${node.name}`, column: columnName, args })}`
      : genericTestNodeName({ name: testName, modelName: node.name, column: columnName, args });
  const folders = path.split('/').slice(1, -1);
  const fqn = [project.settings.name, ...folders, name];
  const { config, problems } = mergeConfig({
    layers: [...configFromTree({ tree: project.settings.testConfig, fqn }), declaration.config],
    defaults: { severity: 'error' },
  });
  errors.push(...problems.map((message) => ({ path, line, message })));
  const identity = JSON.stringify([node.uniqueId, columnName, testName, args]);
  return {
    resourceType: 'test',
    uniqueId: `test.${project.settings.name}.${name}.${hashString(identity)}`,
    name,
    path,
    line,
    fqn,
    description: '',
    dependsOn,
    config,
    testMetadata: { name: testName, kwargs: { ...args, ...(columnName ? { column_name: columnName } : {}) } },
    attachedNode: node.uniqueId,
    columnName,
    rawSql: '',
  };
}

function singularTestNode(options: {
  project: Project;
  file: ProjectFile;
  errors: ProjectError[];
}): TestNode | undefined {
  const { project, file, errors } = options;
  const name = file.path.slice(file.path.lastIndexOf('/') + 1, -'.sql'.length);
  const dependsOn: string[] = [];
  let calls: DiscoveredCalls;
  try {
    calls = discoverCalls({ project, file });
  } catch (error) {
    errors.push({ path: file.path, message: messageOf(error) });
    return undefined;
  }
  const called = [
    ...calls.refs.map((ref) => ({ kind: 'model', target: ref.target, expression: `ref('${ref.target}')` })),
    ...calls.sources.map((ref) => ({
      kind: 'source',
      target: ref.target,
      expression: `source('${ref.target.replace('.', "','")}')`,
    })),
  ];
  for (const { kind, target, expression } of called) {
    const id = resolveReferenceExpression({ project, expression });
    if (id) dependsOn.push(id);
    else errors.push({ path: file.path, message: `Unknown ${kind} '${target}' in singular test ${name}.` });
  }
  const fqn = [project.settings.name, ...file.path.split('/').slice(1, -1), name];
  const { config, problems } = mergeConfig({
    layers: [...configFromTree({ tree: project.settings.testConfig, fqn }), ...calls.inline],
    defaults: { severity: 'error' },
  });
  errors.push(...problems.map((message) => ({ path: file.path, message })));
  return {
    resourceType: 'test',
    uniqueId: `test.${project.settings.name}.${name}`,
    name,
    path: file.path,
    fqn,
    description: '',
    dependsOn: [...new Set(dependsOn)],
    config,
    rawSql: file.content,
  };
}

/** Resolve `ref('x')` / `source('a', 'b')` text (as YAML test arguments write it) to a node id. */
export function resolveReferenceExpression(options: { project: Project; expression: string }): string | undefined {
  const { project, expression } = options;
  const ref = /^\s*ref\(\s*['"]([^'"]+)['"]\s*\)\s*$/.exec(expression);
  if (ref) {
    const node = [...project.nodes.values()].find(
      (n) => (n.resourceType === 'model' || n.resourceType === 'seed') && n.name === ref[1],
    );
    return node?.uniqueId;
  }
  const source = /^\s*source\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)\s*$/.exec(expression);
  if (source) {
    const id = `source.${project.settings.name}.${source[1]}.${source[2]}`;
    return project.nodes.has(id) ? id : undefined;
  }
  return undefined;
}
