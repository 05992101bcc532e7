import type { TestProject } from 'vitest/node';
import { startCollector } from './collector';

declare module 'vitest' {
  export interface ProvidedContext {
    collector: { url: string; adminToken: string };
  }
}

/** One collector for every end-to-end file; each test creates its own project in it. */
export default async function setup(project: TestProject) {
  const collector = await startCollector();
  project.provide('collector', { url: collector.url, adminToken: collector.adminToken });
  return () => collector.stop();
}
