// snapshot save | status | restore. A saved snapshot is a JSON document holding the store's
// state (what a real snapshot's bolt database holds); status and restore read it back. In 3.5,
// status and restore are etcdutl's code behind a deprecation note.
import { fnv32a } from "../../random";
import type { EtcdStoreState } from "../../store";
import { absolutePath, actorFor, childrenOf, errnoMessage, mkdir, move, readFile, stat, unlink, writeFile, type FsResult } from "../../hosts/fs";
import { ETCDCTL_VERSION } from "./client";
import type { Ctl } from "./ctl";
import { bytesOf, consoleTime, humanizeBytes, zapString } from "./format";
import { ExitCode } from "./output";
import { printDBStatus } from "./printers";
import { first8Hex, sha1 } from "./sha1";

const SNAPSHOT_FORMAT = "kubeclass/etcd-snapshot";

export interface SnapshotFile {
  format: typeof SNAPSHOT_FORMAT;
  version: string;
  revision: number;
  hash: number;
  totalKey: number;
  /** The member's database size, as the real file would be. */
  totalSize: number;
  state: EtcdStoreState;
}

/** Parses a snapshot file written by `etcdctl snapshot save` (undefined for anything else). */
export function readSnapshot(content: string): SnapshotFile | undefined {
  try {
    const doc = JSON.parse(content) as Partial<SnapshotFile>;
    return doc && doc.format === SNAPSHOT_FORMAT && doc.state ? (doc as SnapshotFile) : undefined;
  } catch {
    return undefined;
  }
}

function fsError(path: string, r: FsResult<unknown>): string {
  return r.ok ? "" : `open ${path}: ${errnoMessage(r.code).toLowerCase()}`;
}

export function runSnapshotSave(c: Ctl): void {
  if (c.args.length !== 1) c.out.fail(ExitCode.badArgs, "snapshot save expects one argument");
  const client = c.client();
  const store = client.store;
  const eps = c.endpoints();
  if (eps.length !== 1) c.out.fail(ExitCode.interrupted, `snapshot must be requested to one selected node, not multiple [${eps.join(" ")}]`);
  const { ctx } = c;
  const fs = ctx.host.fs;
  const actor = actorFor(ctx.host, ctx.user);
  const home = ctx.host.users[ctx.user]?.home;
  const path = c.args[0]!;
  const part = `${path}.part`;
  const partAbs = absolutePath(ctx.cwd, part, home);
  const log = (fields: string, logger = false, caller = "") => {
    c.out.err(`{"level":"info","ts":"${c.out.clock.ts(c.now())}",${logger ? `"logger":"client",` : ""}"caller":"${caller}",${fields}}\n`);
  };

  const created = writeFile(fs, partAbs, "", actor, c.now(), { mode: 0o600 });
  if (!created.ok) c.out.fail(ExitCode.interrupted, `could not open ${part} (${fsError(part, created)})`);
  log(`"msg":"created temporary db file","path":${zapString(part)}`, false, "snapshot/v3_snapshot.go:65");

  const dial = client.connect();
  if (!dial.ok) {
    // The snapshot stream waits for a connection; only --command-timeout bounds it.
    if (!c.changed("command-timeout") && ctx.env.ETCDCTL_COMMAND_TIMEOUT === undefined) client.hang();
    client.advance(c.int("command-timeout"));
    unlink(fs, partAbs, actor, c.now());
    c.out.fail(ExitCode.interrupted, "context deadline exceeded");
  }
  log(`"msg":"opened snapshot stream; downloading"`, true, `v3@v${ETCDCTL_VERSION}/maintenance.go:212`);
  log(`"msg":"fetching snapshot","endpoint":${zapString(eps[0]!)}`, false, "snapshot/v3_snapshot.go:73");
  const state = store.toState();
  const status = store.status(dial.member);
  const body = JSON.stringify(state);
  const doc: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    version: status.version,
    revision: status.header.revision,
    hash: fnv32a(body),
    // Every stored revision is a bolt key, plus the lease and meta buckets' keys.
    totalKey: state.keys.reduce((n, [, revs]) => n + revs.length, 0) + state.leases.length + 8,
    totalSize: status.dbSize,
    state,
  };
  const written = writeFile(fs, partAbs, JSON.stringify(doc), actor, c.now());
  if (!written.ok) c.out.fail(ExitCode.interrupted, `write ${part}: ${errnoMessage(written.code).toLowerCase()}`);
  log(`"msg":"completed snapshot read; closing"`, true, `v3@v${ETCDCTL_VERSION}/maintenance.go:220`);
  log(`"msg":"fetched snapshot","endpoint":${zapString(eps[0]!)},"size":"${humanizeBytes(status.dbSize)}","took":"now"`, false, "snapshot/v3_snapshot.go:88");
  const renamed = move(fs, partAbs, absolutePath(ctx.cwd, path, home), actor, c.now());
  if (!renamed.ok) c.out.fail(ExitCode.interrupted, `could not rename ${part} to ${path} (rename ${part} ${path}: ${errnoMessage(renamed.code).toLowerCase()})`);
  log(`"msg":"saved","path":${zapString(path)}`, false, "snapshot/v3_snapshot.go:97");
  c.out.out(`Snapshot saved at ${path}\n`);
}

function readSnapshotArg(c: Ctl, path: string): { doc?: SnapshotFile; error?: string } {
  const { ctx } = c;
  const abs = absolutePath(ctx.cwd, path, ctx.host.users[ctx.user]?.home);
  const actor = actorFor(ctx.host, ctx.user);
  const st = stat(ctx.host.fs, abs, actor);
  if (!st.ok) return { error: `stat ${path}: ${errnoMessage(st.code).toLowerCase()}` };
  const r = readFile(ctx.host.fs, abs, actor);
  if (!r.ok) return { error: fsError(path, r) };
  return { doc: readSnapshot(r.value) };
}

export function runSnapshotStatus(c: Ctl): void {
  c.out.err("Deprecated: Use `etcdutl snapshot status` instead.\n\n");
  if (c.args.length !== 1) c.out.fail(ExitCode.badArgs, "snapshot status requires exactly one argument");
  const d = c.d;
  const r = readSnapshotArg(c, c.args[0]!);
  if (r.error) c.out.fail(ExitCode.error, r.error);
  if (!r.doc) c.out.fail(ExitCode.error, "invalid database");
  printDBStatus(d, r.doc);
}

/** etcd's member id: SHA-1 of the sorted peer URLs and the cluster token. */
function memberId(peerURLs: string[], token: string): string {
  return first8Hex(sha1(bytesOf([...peerURLs].sort().join("") + token)));
}

/** etcd's cluster id: SHA-1 of the sorted member ids as big-endian uint64s. */
function clusterId(ids: string[]): string {
  const sorted = [...ids].sort((a, b) => (BigInt(`0x${a}`) < BigInt(`0x${b}`) ? -1 : 1));
  const bytes = new Uint8Array(sorted.length * 8);
  sorted.forEach((id, i) => {
    for (let j = 0; j < 8; j++) bytes[i * 8 + j] = parseInt(id.padStart(16, "0").slice(j * 2, j * 2 + 2), 16);
  });
  return first8Hex(sha1(bytes));
}

const trimId = (hex: string) => hex.replace(/^0+(?=.)/, "");

export function runSnapshotRestore(c: Ctl): void {
  c.out.err("Deprecated: Use `etcdutl snapshot restore` instead.\n\n");
  if (c.args.length !== 1) c.out.fail(ExitCode.badArgs, "snapshot restore requires exactly one argument");
  const name = c.str("name");
  const token = c.str("initial-cluster-token");
  const peerURLs = c.str("initial-advertise-peer-urls").split(",");
  const cluster = new Map<string, string[]>();
  for (const part of c.str("initial-cluster").split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) c.out.fail(ExitCode.error, `parse ${part}: missing protocol scheme`);
    cluster.set(part.slice(0, eq), [...(cluster.get(part.slice(0, eq)) ?? []), part.slice(eq + 1)]);
  }
  const local = cluster.get(name);
  if (!local) c.out.fail(ExitCode.error, `couldn't find local name "${name}" in the initial cluster configuration`);
  const sortedLocal = [...local].sort();
  const sortedPeers = [...peerURLs].sort();
  if (sortedLocal.join(",") !== sortedPeers.join(",")) {
    const missing = sortedLocal.filter((u) => !sortedPeers.includes(u));
    const why = `"${sortedPeers[0]}"(resolved from "${sortedPeers[0]}") != "${sortedLocal[0]}"(resolved from "${sortedLocal[0]}")`;
    if (missing.length > 0) {
      c.out.fail(ExitCode.error, `--initial-cluster has ${missing.map((u) => `${name}=${u}`).join(",")} but missing from --initial-advertise-peer-urls=${sortedPeers.join(",")} (${why})`);
    }
    c.out.fail(ExitCode.error, `--initial-advertise-peer-urls has ${sortedPeers.filter((u) => !sortedLocal.includes(u)).join(",")} but missing from --initial-cluster=${name}=${sortedPeers.join(",")}`);
  }

  const { ctx } = c;
  const fs = ctx.host.fs;
  const actor = actorFor(ctx.host, ctx.user);
  const home = ctx.host.users[ctx.user]?.home;
  const dataDir = c.str("data-dir") || `${name}.etcd`;
  const dataAbs = absolutePath(ctx.cwd, dataDir, home);
  const existing = stat(fs, dataAbs, actor);
  if (existing.ok && (existing.value.node.type !== "dir" || childrenOf(fs, existing.value.path).length > 0)) {
    c.out.fail(ExitCode.error, `data-dir "${dataDir}" not empty or could not be read`);
  }
  const walFlag = c.str("wal-dir");
  if (walFlag !== "" && stat(fs, absolutePath(ctx.cwd, walFlag, home), actor).ok) c.out.fail(ExitCode.error, `wal-dir "${walFlag}" exists`);
  const walDir = walFlag || `${dataDir}/member/wal`;
  const snapDir = `${dataDir}/member/snap`;
  const snapshotPath = c.args[0]!;
  const paths = `{"path": ${zapString(snapshotPath)}, "wal-dir": ${zapString(walDir)}, "data-dir": ${zapString(dataDir)}, "snap-dir": ${zapString(snapDir)}, "initial-memory-map-size": 0}`;
  const log = (caller: string, msg: string, fields?: string) => c.out.err(`${consoleTime(c.now())}\tinfo\t${caller}\t${msg}${fields ? `\t${fields}` : ""}\n`);
  log("snapshot/v3_snapshot.go:265", "restoring snapshot", paths);

  const src = readSnapshotArg(c, snapshotPath);
  if (src.error) c.out.fail(ExitCode.error, src.error.replace(/^stat /, "open "));
  if (!src.doc && !c.bool("skip-hash-check")) c.out.fail(ExitCode.error, "snapshot missing hash but --skip-hash-check=false");

  const now = c.now();
  for (const dir of [dataDir, `${dataDir}/member`, snapDir, walDir]) mkdir(fs, absolutePath(ctx.cwd, dir, home), actor, now, { parents: true, mode: 0o700 });
  const content = src.doc ? JSON.stringify(src.doc) : "";
  writeFile(fs, absolutePath(ctx.cwd, `${snapDir}/db`, home), content, actor, now, { mode: 0o600 });
  const members = [...cluster.entries()].map(([n, urls]) => ({ name: n, urls, id: memberId(urls, token) }));
  const snapName = `${"1".padStart(16, "0")}-${members.length.toString(16).padStart(16, "0")}.snap`;
  writeFile(fs, absolutePath(ctx.cwd, `${snapDir}/${snapName}`, home), "", actor, now, { mode: 0o600 });
  writeFile(fs, absolutePath(ctx.cwd, `${walDir}/0000000000000000-0000000000000000.wal`, home), "", actor, now, { mode: 0o600 });

  log("membership/store.go:141", "Trimming membership information from the backend...");
  const cid = clusterId(members.map((m) => m.id));
  for (const m of [...members].sort((a, b) => (BigInt(`0x${a.id}`) < BigInt(`0x${b.id}`) ? -1 : 1))) {
    log(
      "membership/cluster.go:421",
      "added member",
      `{"cluster-id": "${trimId(cid)}", "local-member-id": "0", "added-peer-id": "${trimId(m.id)}", "added-peer-peer-urls": [${m.urls.map((u) => zapString(u)).join(", ")}]}`,
    );
  }
  log("snapshot/v3_snapshot.go:293", "restored snapshot", paths);
}
