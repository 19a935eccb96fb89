#!/usr/bin/env tsx
/**
 * loopdesk — admin commands on the server's database (DATABASE_URL, else the PGlite in DATA_DIR,
 * like `npm start`; a PGlite data dir is locked while the server runs, so stop it first or use
 * the admin API).
 *
 *   loopdesk train [--csv file --text column --label column [--map labels.json] [--aux file:text:label]…
 *                  [--aux-map labels.json] [--aux-prepare none|lowercase-nostop] [--aux-weighting auto|…]]
 *                  [--epochs n] [--folds k] [--activate]
 *   loopdesk models
 *   loopdesk activate <version>
 *   loopdesk rollback
 *
 * Run as `npm run loopdesk -- <command>` (or `npx tsx scripts/loopdesk.ts <command>`).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { DataDirLockedError } from '../src/db/data-dir-lock.js';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open-database.js';
import { AppError } from '../src/errors.js';
import { activateVersion } from '../src/modules/training/commands/activate-version.js';
import { rollbackVersion } from '../src/modules/training/commands/rollback-version.js';
import { trainModelVersion } from '../src/modules/training/commands/train-version.js';
import { describeVersion, versionTable } from '../src/modules/training/describe-version.js';
import { getVersionByNumber, listVersions } from '../src/modules/training/model-versions.js';
import { trainModelInput } from '../src/modules/training/training-schema.js';
import { parseLabelMap, type LabelMap } from '../src/modules/triage/labelled-sources.js';

const USAGE = `usage: loopdesk <command>
  train [--csv file --text column --label column [--map labels.json]
         [--aux file:textColumn:labelColumn]… [--aux-map labels.json] [--aux-prepare none|lowercase-nostop]
         [--aux-weighting auto|none|uniform|match-classes] [--aux-length primary-max|full]] [--epochs n] [--folds k] [--activate]
        new model version from the built-in corpus + agents' corrections + added categories' examples,
        or from a labelled CSV; prints its evaluation; --activate makes it the category model.
        --map: a JSON object mapping the CSV's labels to the model's (rows of other labels dropped);
        --aux: other labelled CSVs that train the model but are never tested by its cross-validation
        (rows repeating a --csv row dropped), their labels mapped by --aux-map, their texts cut to
        the longest --csv text unless --aux-length full
  models               list model versions and their accuracy
  activate <version>   make a version the category model
  rollback             re-activate the version active before the current one (or the built-in model)`;

class UsageError extends Error {}

/** `file:textColumn:labelColumn` (the file may itself hold colons: the last two parts are the columns). */
function parseSourceSpec(spec: string): { file: string; textColumn: string; labelColumn: string } {
  const parts = spec.split(':');
  if (parts.length < 3 || parts.some((p) => p === '')) throw new UsageError(`--aux ${spec}: expected file:textColumn:labelColumn`);
  const labelColumn = parts.pop()!;
  const textColumn = parts.pop()!;
  return { file: parts.join(':'), textColumn, labelColumn };
}

function readLabelMap(file: string): LabelMap {
  try {
    return parseLabelMap(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const CLI = { kind: 'cli' } as const;

async function run(db: Database, argv: string[]): Promise<void> {
  const ctx = { db, clock: systemClock };
  const [command = '', ...rest] = argv;
  switch (command) {
    case 'train': {
      const { values } = parseArgs({
        args: rest,
        options: {
          csv: { type: 'string' },
          text: { type: 'string' },
          label: { type: 'string' },
          map: { type: 'string' },
          aux: { type: 'string', multiple: true },
          'aux-map': { type: 'string' },
          'aux-prepare': { type: 'string' },
          'aux-weighting': { type: 'string' },
          'aux-length': { type: 'string' },
          epochs: { type: 'string' },
          folds: { type: 'string' },
          activate: { type: 'boolean' },
        },
      });
      const common = { epochs: values.epochs ? Number(values.epochs) : undefined, folds: values.folds ? Number(values.folds) : undefined };
      let raw: Record<string, unknown>;
      if (values.csv) {
        if (!values.text || !values.label) throw new UsageError('--csv needs --text <column> and --label <column>');
        const auxMap = values['aux-map'] ? readLabelMap(values['aux-map']) : undefined;
        const auxiliary = (values.aux ?? []).map((spec) => {
          const { file, textColumn, labelColumn } = parseSourceSpec(spec);
          return { csv: fs.readFileSync(file, 'utf8'), textColumn, labelColumn, ...(auxMap ? { labelMap: auxMap } : {}), ...(values['aux-prepare'] ? { prepare: values['aux-prepare'] } : {}) };
        });
        raw = {
          source: 'csv',
          csv: fs.readFileSync(values.csv, 'utf8'),
          textColumn: values.text,
          labelColumn: values.label,
          ...(values.map ? { labelMap: readLabelMap(values.map) } : {}),
          ...(auxiliary.length ? { auxiliary } : {}),
          ...(values['aux-weighting'] ? { auxiliaryWeighting: values['aux-weighting'] } : {}),
          ...(values['aux-length'] ? { auxiliaryLength: values['aux-length'] } : {}),
          ...common,
        };
      } else {
        if (values.aux?.length || values.map || values['aux-length'] || values['aux-weighting']) throw new UsageError('--aux, --aux-weighting, --aux-length and --map need --csv (the built-in corpus takes no other sources)');
        raw = { source: 'builtin', ...common };
      }
      const input = trainModelInput.safeParse(raw);
      if (!input.success) throw new UsageError(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      // Inline: the CLI serves no requests, so a worker thread would buy nothing.
      const row = await trainModelVersion(ctx, CLI, input.data, { inline: true });
      console.log(describeVersion(row));
      if (values.activate) {
        await activateVersion(ctx, CLI, row.id);
        console.log(`Activated version ${row.version}.`);
      } else {
        console.log(`Draft: activate it with \`loopdesk activate ${row.version}\`.`);
      }
      return;
    }
    case 'models':
      console.log(versionTable(await listVersions(db)));
      return;
    case 'activate': {
      const n = Number(rest[0]);
      if (!Number.isInteger(n) || n < 1) throw new UsageError('activate needs a version number (see `loopdesk models`)');
      const row = await getVersionByNumber(db, n);
      await activateVersion(ctx, CLI, row.id);
      console.log(`Activated version ${n}.`);
      return;
    }
    case 'rollback': {
      const { active, rolledBack } = await rollbackVersion(ctx, CLI);
      console.log(`Rolled back version ${rolledBack.version}; active now: ${active ? `version ${active.version}` : 'the built-in model'}.`);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command');
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (!argv.length || argv[0] === 'help' || argv[0] === '--help') {
    console.log(USAGE);
    return argv.length ? 0 : 2;
  }
  // Usage mistakes are reported before the database is opened (a PGlite start takes seconds).
  if (!['train', 'models', 'activate', 'rollback'].includes(argv[0]!)) {
    console.error(`loopdesk: unknown command ${argv[0]}\n\n${USAGE}`);
    return 2;
  }
  if (argv[0] === 'activate' && !/^[1-9]\d*$/.test(argv[1] ?? '')) {
    console.error(`loopdesk: activate needs a version number (see \`loopdesk models\`)\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`loopdesk: ${err.message}`);
      return 1;
    }
    throw err;
  }
  try {
    await migrate(db);
    await run(db, argv);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`loopdesk: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof AppError) {
      console.error(`loopdesk: ${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('loopdesk: failed:', err);
    process.exitCode = 1;
  },
);
