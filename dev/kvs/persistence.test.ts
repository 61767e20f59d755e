/**
 * Persistence: data written through the real client survives into a second emulator on the same file;
 * the file is replaced atomically, written coalesced, private, and refused when corrupt.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs, WhereConditions } from '@forge/kvs';
import { installKvsForTests, type InstalledKvs } from './install-for-tests';
import { KvsEmulator } from './kvs-emulator';

let dir: string;
let file: string;
let installed: InstalledKvs | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kvs-emulator-'));
  file = join(dir, 'nested', 'kvs.json');
});

afterEach(() => {
  installed?.uninstall();
  installed = undefined;
  rmSync(dir, { recursive: true, force: true });
});

it('round-trips plain values, secrets, entities and metadata through the file into a new instance', async () => {
  let clock = Date.UTC(2026, 1, 1);
  const first = new KvsEmulator({ persistFile: file, now: () => clock });
  installed = installKvsForTests(first);
  await kvs.set('project:ABC:chunk:0', { ids: [1, 2, 3] });
  await kvs.set('project:ABC:chunk:1', { ids: [4] }, { ttl: { value: 1, unit: 'DAYS' } });
  await kvs.set('temporary', 'gone soon', { ttl: { value: 1, unit: 'SECONDS' } });
  await kvs.setSecret('github:token', 'sealed-token');
  await kvs.entity('employee').set('e1', { name: 'Ada' });
  clock += 5_000; // `temporary` expires before the file is written
  await first.flush();
  installed.uninstall();

  const second = new KvsEmulator({ persistFile: file, now: () => clock });
  installed = installKvsForTests(second);
  expect(second.listPlain()).toEqual([
    { key: 'project:ABC:chunk:0', value: { ids: [1, 2, 3] } },
    { key: 'project:ABC:chunk:1', value: { ids: [4] } },
  ]);
  expect(second.listSecrets()).toEqual([{ key: 'github:token', value: 'sealed-token' }]);
  expect(await kvs.getSecret('github:token')).toBe('sealed-token');
  expect(await kvs.entity('employee').get('e1')).toEqual({ name: 'Ada' });
  const page = await kvs.query().where('key', WhereConditions.beginsWith('project:ABC:')).getMany();
  expect(page.results.map((r) => r.key)).toEqual(['project:ABC:chunk:0', 'project:ABC:chunk:1']);

  // The TTL survives too: a day later the chunk with the TTL is gone.
  clock += 24 * 60 * 60 * 1000;
  expect(await kvs.get('project:ABC:chunk:1')).toBeUndefined();
});

it('keeps secrets in their own section of the file, apart from plain values', async () => {
  const emulator = new KvsEmulator({ persistFile: file });
  installed = installKvsForTests(emulator);
  await kvs.set('k', 'plain');
  await kvs.setSecret('k', 'secret');
  await emulator.flush();
  const saved = JSON.parse(readFileSync(file, 'utf8')) as {
    plain: Record<string, { value: unknown }>;
    secrets: Record<string, { value: unknown }>;
  };
  expect(saved.plain.k?.value).toBe('plain');
  expect(saved.secrets.k?.value).toBe('secret');
  expect(statSync(file).mode & 0o777).toBe(0o600);
});

it('coalesces many changes into few writes, and flush() writes what is pending', async () => {
  const emulator = new KvsEmulator({ persistFile: file, persistDebounceMs: 60_000 });
  installed = installKvsForTests(emulator);
  for (let i = 0; i < 50; i++) await kvs.set(`k:${i}`, i);
  expect(() => statSync(file)).toThrow(); // nothing written yet: the debounce has not elapsed
  await emulator.flush();
  expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { plain: object }).plain)).toHaveLength(50);
  expect(readdirSync(join(dir, 'nested'))).toEqual(['kvs.json']); // no temporary files left behind
});

it('writes on its own after the debounce delay', async () => {
  const emulator = new KvsEmulator({ persistFile: file, persistDebounceMs: 5 });
  installed = installKvsForTests(emulator);
  await kvs.set('auto', true);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(readFileSync(file, 'utf8')).toContain('"auto"');
  await emulator.flush();
});

it('persists clear()', async () => {
  const emulator = new KvsEmulator({ persistFile: file, persistDebounceMs: 0 });
  installed = installKvsForTests(emulator);
  await kvs.set('a', 1);
  emulator.clear();
  await emulator.flush();
  expect(new KvsEmulator({ persistFile: file }).listPlain()).toEqual([]);
});

it('refuses to start on a corrupt or foreign file instead of silently starting empty', () => {
  writeFileSync(join(dir, 'corrupt.json'), '{"plain": ');
  expect(() => new KvsEmulator({ persistFile: join(dir, 'corrupt.json') })).toThrow(/not valid JSON/);
  writeFileSync(join(dir, 'foreign.json'), '{"hello": "world"}');
  expect(() => new KvsEmulator({ persistFile: join(dir, 'foreign.json') })).toThrow(/Not a KVS emulator data file/);
});

it('starts empty when the file does not exist yet', () => {
  expect(new KvsEmulator({ persistFile: join(dir, 'absent.json') }).listPlain()).toEqual([]);
});
