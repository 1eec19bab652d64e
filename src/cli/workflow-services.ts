/**
 * What a job that runs the app needs in GitHub Actions for the services `shipgate init` found:
 * `services:` containers with health options (steps start once they answer) and the variables
 * that point the app at them, plus the runtime set-up of a Python, Go, Ruby or Java app. Kept apart
 * from the workflow's layout, so whichever job runs the app (a single job, a `measure` job) takes
 * the same lines.
 */
import type { ServiceKind, ServiceNeed } from '../../checks/lib/detect/services.js';
import { SERVICE_NAMES, SERVICE_PORTS } from '../../checks/lib/detect/services.js';
import type { StackFacts } from '../../checks/lib/detect/stack.js';

interface ServiceSpec {
  image: string;
  env: Record<string, string>;
  /** `docker run` health options: the job waits until the service answers before any step runs. */
  health: string;
  url: string;
  user: string;
  password: string;
}

/** `mongo` for images before 6.0 (`mongo:4.2.1-bionic`), `mongosh` from 6.0 on and for untagged/latest ones. */
function mongoShell(image: string | undefined): string {
  const major = Number(/:(\d+)/.exec(image ?? '')?.[1]);
  return Number.isFinite(major) && major < 6 ? 'mongo' : 'mongosh';
}

/** GitHub Actions service containers, with credentials that exist only inside the job. */
function serviceSpec(need: ServiceNeed): ServiceSpec {
  const port = SERVICE_PORTS[need.kind];
  const mariadb = need.kind === 'mysql' && /mariadb/.test(need.image ?? '');
  const specs: Record<ServiceKind, ServiceSpec> = {
    postgres: {
      image: need.image ?? 'postgres:16',
      env: { POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: 'postgres', POSTGRES_DB: 'app' },
      health:
        '--health-cmd "pg_isready -U postgres" --health-interval 5s --health-timeout 5s --health-retries 10',
      url: `postgres://postgres:postgres@localhost:${port}/app`,
      user: 'postgres',
      password: 'postgres',
    },
    mysql: mariadb
      ? {
          image: need.image ?? 'mariadb:11',
          env: { MARIADB_ROOT_PASSWORD: 'root', MARIADB_DATABASE: 'app' },
          health:
            '--health-cmd "healthcheck.sh --connect --innodb_initialized" --health-interval 5s --health-timeout 5s --health-retries 20',
          url: `mysql://root:root@localhost:${port}/app`,
          user: 'root',
          password: 'root',
        }
      : {
          image: need.image ?? 'mysql:8.4',
          env: { MYSQL_ROOT_PASSWORD: 'root', MYSQL_DATABASE: 'app' },
          health:
            '--health-cmd "mysqladmin ping -h 127.0.0.1 -proot" --health-interval 5s --health-timeout 5s --health-retries 20',
          url: `mysql://root:root@localhost:${port}/app`,
          user: 'root',
          password: 'root',
        },
    redis: {
      image: need.image ?? 'redis:7',
      env: {},
      health: '--health-cmd "redis-cli ping" --health-interval 5s --health-timeout 5s --health-retries 10',
      url: `redis://localhost:${port}`,
      user: '',
      password: '',
    },
    mongo: {
      image: need.image ?? 'mongo:7',
      env: {},
      // mongosh ships in the images from 6.0 on; older ones have the legacy `mongo` shell only
      health: `--health-cmd "${mongoShell(need.image)} --quiet --eval 'db.runCommand({ ping: 1 })'" --health-interval 5s --health-timeout 5s --health-retries 20`,
      url: `mongodb://localhost:${port}/app`,
      user: '',
      password: '',
    },
  };
  return specs[need.kind];
}

/** The value the job gives one of the app's variables for a service, by what the name asks for. */
function envValue(name: string, need: ServiceNeed, spec: ServiceSpec): string | undefined {
  const port = SERVICE_PORTS[need.kind];
  if (/JDBC|SPRING_DATASOURCE_URL/.test(name))
    return `jdbc:${need.kind === 'postgres' ? 'postgresql' : need.kind}://localhost:${port}/app`;
  if (/_(?:URL|URI|DSN)$|^DATABASE_URL$/.test(name)) return spec.url;
  if (/HOST$/.test(name)) return 'localhost';
  if (/PORT$/.test(name)) return String(port);
  if (/(?:USER|USERNAME)$/.test(name)) return spec.user || undefined;
  if (/PASSWORD$|PASS$/.test(name)) return spec.password || undefined;
  if (/(?:_DB|_NAME|DATABASE)$/.test(name)) return 'app';
  return undefined;
}

/** The variables the job sets so the app started by shipgate reaches its services. */
function serviceEnv(needs: readonly ServiceNeed[]): [string, string, string][] {
  const out = new Map<string, [string, string]>();
  const fallback: Record<ServiceKind, string> = {
    postgres: 'DATABASE_URL',
    mysql: 'DATABASE_URL',
    redis: 'REDIS_URL',
    mongo: 'MONGODB_URI',
  };
  for (const need of needs) {
    const spec = serviceSpec(need);
    const names = need.env.length > 0 ? need.env : [fallback[need.kind]];
    for (const name of names) {
      const value = envValue(name, need, spec);
      if (value !== undefined && !out.has(name)) out.set(name, [value, SERVICE_NAMES[need.kind]]);
    }
  }
  return [...out].map(([name, [value, service]]) => [name, value, service]);
}

/** The variables the measure job sets for the services: the app needs them passed (config `target.env`). */
export function serviceVariableNames(services: readonly ServiceNeed[]): string[] {
  return serviceEnv(services).map(([name]) => name);
}

/** Runtime set-up steps for a Python, Go, Ruby or Java app (a Node app's are the Action's own). */
export function runtimeSteps(stack: StackFacts): string[] {
  switch (stack.language) {
    case 'python':
      return [
        '      - uses: actions/setup-python@v5',
        "        with: { python-version: '3.12' }",
        '      - run: pip install -r requirements.txt',
      ];
    case 'go':
      return ['      - uses: actions/setup-go@v5', '        with: { go-version-file: go.mod }'];
    case 'ruby':
      return ['      - uses: ruby/setup-ruby@v1', '        with: { bundler-cache: true }'];
    case 'java':
      return [
        '      - uses: actions/setup-java@v4',
        "        with: { distribution: temurin, java-version: '21' }",
      ];
    default:
      return [];
  }
}

const yamlString = (value: string) => JSON.stringify(value);

/**
 * The `services:` and `env:` blocks of the job that runs the app, at job-key indentation
 * (`indent` spaces before `services:`); empty without services.
 */
export function serviceJobLines(services: readonly ServiceNeed[], indent = 4): string[] {
  if (services.length === 0) return [];
  const pad = ' '.repeat(indent);
  const out = [`${pad}# The services the app needs to start, found by shipgate init:`, `${pad}services:`];
  for (const need of services) {
    const spec = serviceSpec(need);
    const port = SERVICE_PORTS[need.kind];
    out.push(`${pad}  ${need.kind}:  # ${SERVICE_NAMES[need.kind]}: ${need.why}`);
    out.push(`${pad}    image: ${spec.image}`);
    if (Object.keys(spec.env).length > 0) {
      out.push(`${pad}    env:`);
      for (const [key, value] of Object.entries(spec.env))
        out.push(`${pad}      ${key}: ${yamlString(value)}`);
    }
    out.push(`${pad}    ports: ['${port}:${port}']`);
    out.push(`${pad}    options: >-`, `${pad}      ${spec.health}`);
  }
  const env = serviceEnv(services);
  if (env.length > 0) {
    out.push(`${pad}# Job-only credentials for the service containers above, never production ones.`);
    out.push(`${pad}env:`);
    for (const [name, value, service] of env) out.push(`${pad}  ${name}: ${yamlString(value)}  # ${service}`);
  }
  return out;
}
