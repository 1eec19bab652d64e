/**
 * The version a project declares in its own manifest, for the ecosystems shipgate serves:
 * package.json, pyproject.toml (`[project]` or `[tool.poetry]`), setup.cfg (`[metadata]`),
 * Cargo.toml (`[package]`), pom.xml (the project's `<version>`, not its parent's), build.gradle(.kts)
 * (`version = '1.2.3'`) and a VERSION file, first found wins. Text in, text out: the caller reads
 * the files from the work tree or from the base commit (`git show`).
 */
export const VERSION_FILES = [
  'package.json',
  'pyproject.toml',
  'setup.cfg',
  'Cargo.toml',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'VERSION',
] as const;

export type VersionFile = (typeof VERSION_FILES)[number];

/** The `[section]` body of a TOML/INI text. */
function section(text: string, name: string): string | undefined {
  const escaped = name.replace(/[.[\]]/g, '\\$&');
  return new RegExp(`^\\[${escaped}\\]\\s*$([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, 'm').exec(text)?.[1];
}

/** The version `file` (one of VERSION_FILES) declares, or undefined; throws on malformed package.json. */
export function versionFromManifest(file: VersionFile, text: string): string | undefined {
  const quoted = (body: string | undefined) =>
    body ? /^\s*version\s*=\s*["']([^"']+)["']/m.exec(body)?.[1] : undefined;
  switch (file) {
    case 'package.json': {
      const parsed: unknown = JSON.parse(text);
      const version =
        parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>).version : undefined;
      return typeof version === 'string' ? version : undefined;
    }
    case 'pyproject.toml':
      return quoted(section(text, 'project')) ?? quoted(section(text, 'tool.poetry'));
    case 'setup.cfg': {
      const value = /^\s*version\s*=\s*([^\s#]+)/m.exec(section(text, 'metadata') ?? '')?.[1];
      return value && !value.startsWith('attr:') && !value.startsWith('file:') ? value : undefined;
    }
    case 'Cargo.toml':
      return quoted(section(text, 'package'));
    case 'pom.xml': {
      // the project's own version: outside <parent>, <dependencies>, <build>, <profiles>
      const own = text.replace(
        /<(parent|dependencies|dependencyManagement|build|profiles|plugins)>[\s\S]*?<\/\1>/g,
        '',
      );
      const version = /<version>\s*([^<\s]+)\s*<\/version>/.exec(own)?.[1];
      return version && !version.includes('${') ? version : undefined;
    }
    case 'build.gradle':
    case 'build.gradle.kts':
      return /^\s*version\s*=\s*["']([^"']+)["']/m.exec(text)?.[1];
    case 'VERSION':
      return /^\s*v?(\d+\.\d+\.\d+[\w.+-]*)\s*$/.exec(text.split('\n')[0] ?? '')?.[1];
  }
}

/** The first manifest `read` returns that declares a version: the version and its file. */
export function projectVersion(
  read: (file: VersionFile) => string | undefined,
): { version: string; file: VersionFile } | undefined {
  for (const file of VERSION_FILES) {
    const text = read(file);
    if (text === undefined) continue;
    const version = versionFromManifest(file, text);
    if (version) return { version, file };
  }
  return undefined;
}
