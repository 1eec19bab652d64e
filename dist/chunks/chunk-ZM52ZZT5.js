import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// checks/lib/git/project-version.ts
var VERSION_FILES = [
  "package.json",
  "pyproject.toml",
  "setup.cfg",
  "Cargo.toml",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "VERSION"
];
function section(text, name) {
  const escaped = name.replace(/[.[\]]/g, "\\$&");
  return new RegExp(`^\\[${escaped}\\]\\s*$([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, "m").exec(text)?.[1];
}
function versionFromManifest(file, text) {
  const quoted = (body) => body ? /^\s*version\s*=\s*["']([^"']+)["']/m.exec(body)?.[1] : void 0;
  switch (file) {
    case "package.json": {
      const parsed = JSON.parse(text);
      const version = parsed && typeof parsed === "object" ? parsed.version : void 0;
      return typeof version === "string" ? version : void 0;
    }
    case "pyproject.toml":
      return quoted(section(text, "project")) ?? quoted(section(text, "tool.poetry"));
    case "setup.cfg": {
      const value = /^\s*version\s*=\s*([^\s#]+)/m.exec(section(text, "metadata") ?? "")?.[1];
      return value && !value.startsWith("attr:") && !value.startsWith("file:") ? value : void 0;
    }
    case "Cargo.toml":
      return quoted(section(text, "package"));
    case "pom.xml": {
      const own = text.replace(
        /<(parent|dependencies|dependencyManagement|build|profiles|plugins)>[\s\S]*?<\/\1>/g,
        ""
      );
      const version = /<version>\s*([^<\s]+)\s*<\/version>/.exec(own)?.[1];
      return version && !version.includes("${") ? version : void 0;
    }
    case "build.gradle":
    case "build.gradle.kts":
      return /^\s*version\s*=\s*["']([^"']+)["']/m.exec(text)?.[1];
    case "VERSION":
      return /^\s*v?(\d+\.\d+\.\d+[\w.+-]*)\s*$/.exec(text.split("\n")[0] ?? "")?.[1];
  }
}
function projectVersion(read) {
  for (const file of VERSION_FILES) {
    const text = read(file);
    if (text === void 0) continue;
    const version = versionFromManifest(file, text);
    if (version) return { version, file };
  }
  return void 0;
}

export {
  VERSION_FILES,
  versionFromManifest,
  projectVersion
};
