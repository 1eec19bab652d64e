/**
 * Files that change how the PR's code is built, tested or served: a `reported` result for a PR
 * that changes them was measured by a pipeline the PR rewrote, so the sign-off reviewers are told
 * which (the result still counts unless the config requires `verified` for it).
 */
import picomatch from 'picomatch';

const PIPELINE_GLOBS = [
  '**/package.json',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/pnpm-workspace.yaml',
  '**/bun.lock',
  '**/bun.lockb',
  '**/.npmrc',
  '**/.yarnrc',
  '**/.yarnrc.yml',
  '**/.nvmrc',
  '**/.node-version',
  '.github/workflows/**',
  '.github/actions/**',
  '**/{vite,vitest,webpack,rollup,next,nuxt,svelte,astro,remix,tsup,esbuild,babel,postcss,tailwind,jest,playwright}.config.*',
  '**/.babelrc*',
  '**/tsconfig*.json',
  '**/.size-limit*',
  '**/lighthouserc*',
  '**/.lighthouserc*',
  '**/Makefile',
  '**/Dockerfile',
  '**/docker-compose*.y*ml',
  '**/Procfile',
  '**/{pyproject.toml,setup.py,setup.cfg,requirements*.txt,Pipfile,Pipfile.lock,poetry.lock,uv.lock}',
  '**/{go.mod,go.sum,Gemfile,Gemfile.lock,pom.xml,build.gradle,build.gradle.kts,settings.gradle,Cargo.toml,Cargo.lock}',
  'scripts/**',
];

const isPipelineFile = picomatch(PIPELINE_GLOBS, { dot: true });

/** The changed paths that belong to the build pipeline, sorted. */
export function pipelineChanges(changedPaths: readonly string[]): string[] {
  return changedPaths.filter((path) => isPipelineFile(path)).sort();
}
