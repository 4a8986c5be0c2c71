import type { Component } from 'svelte';
import { componentRegistry, type ComponentSpec } from '../../core/report/component-spec.ts';

/** A report component's file: the Svelte component and, in its `<script module>`, its spec. */
interface ReportComponentModule {
  default: Component<Record<string, unknown>>;
  spec?: ComponentSpec;
}

// Adding a report component is one file in ui/components that exports a `spec` from its module script.
const modules = import.meta.glob<ReportComponentModule>('../components/*.svelte', { eager: true });
const entries = Object.values(modules).flatMap((module) =>
  module.spec ? [{ spec: module.spec, component: module.default }] : [],
);

/** The specs reports are parsed against, by tag name. */
export const reportComponents = componentRegistry(entries.map((entry) => entry.spec));

/** The Svelte component that renders each tag name. */
export const reportComponentViews: ReadonlyMap<string, Component<Record<string, unknown>>> = new Map(
  entries.map((entry) => [entry.spec.name, entry.component]),
);
