// etcdctl's printers (-w simple|json|fields|table): the same responses rendered as etcdctl 3.5's
// printer_simple.go, printer_json.go (encoding/json of the gRPC messages), printer_fields.go and
// printer_table.go render them. Ids are kept as hex and printed as Go prints uint64/int64 values.
import type { EndpointStatus, KeyValue, MemberInfo, ResponseHeader, WatchEvent } from "../../store";
import {
  base64,
  boxTable,
  goQuote,
  hexEscaped,
  hexId,
  hexToDecimal,
  humanizeBytes,
  jsonArray,
  jsonInt,
  jsonObject,
  jsonString,
  leaseHex,
} from "./format";
import { ExitCode, type Out } from "./output";

export type Format = "simple" | "json" | "fields" | "table" | "protobuf";
export const FORMATS: readonly string[] = ["simple", "json", "fields", "table", "protobuf"];

export interface Display {
  format: Format;
  hex: boolean;
  /** get --print-value-only. */
  valueOnly?: boolean;
  out: Out;
}

/** etcdctl's printerUnsupported: "<format> not supported as output format". */
export function unsupported(d: Display): never {
  d.out.fail(ExitCode.badFeature, `${d.format} not supported as output format`);
}

// ------------------------------------------------------------------------------- encodings

export function headerJson(h: ResponseHeader, withRevision = true): string {
  return jsonObject([
    ["cluster_id", jsonInt(hexToDecimal(h.clusterId))],
    ["member_id", jsonInt(hexToDecimal(h.memberId))],
    ["revision", withRevision ? jsonInt(h.revision) : undefined],
    ["raft_term", jsonInt(h.raftTerm)],
  ]);
}

/** An embedded *pb.ResponseHeader: its fields inline in the outer object. */
function headerFields(h: ResponseHeader): Array<[string, string | undefined]> {
  return [
    ["cluster_id", jsonInt(hexToDecimal(h.clusterId))],
    ["member_id", jsonInt(hexToDecimal(h.memberId))],
    ["revision", jsonInt(h.revision)],
    ["raft_term", jsonInt(h.raftTerm)],
  ];
}

export function kvJson(kv: KeyValue): string {
  return jsonObject([
    ["key", kv.key === "" ? undefined : jsonString(base64(kv.key))],
    ["create_revision", jsonInt(kv.createRevision)],
    ["mod_revision", jsonInt(kv.modRevision)],
    ["version", jsonInt(kv.version)],
    ["value", kv.value === "" ? undefined : jsonString(base64(kv.value))],
    ["lease", jsonInt(hexToDecimal(kv.lease))],
  ]);
}

function kvsJson(kvs: KeyValue[]): string | undefined {
  return kvs.length === 0 ? undefined : jsonArray(kvs.map(kvJson));
}

// ------------------------------------------------------------------------------- simple parts

function printKV(d: Display, kv: KeyValue): void {
  const k = d.hex ? hexEscaped(kv.key) : kv.key;
  const v = d.hex ? hexEscaped(kv.value) : kv.value;
  if (!d.valueOnly) d.out.out(`${k}\n`);
  d.out.out(`${v}\n`);
}

function fieldsHeader(d: Display, h: ResponseHeader): void {
  d.out.out(`"ClusterID" : ${hexToDecimal(h.clusterId)}\n"MemberID" : ${hexToDecimal(h.memberId)}\n"Revision" : ${h.revision}\n"RaftTerm" : ${h.raftTerm}\n`);
}

function fieldsKV(d: Display, prefix: string, kv: KeyValue): void {
  d.out.out(
    `"${prefix}Key" : ${goQuote(kv.key)}\n` +
      `"${prefix}CreateRevision" : ${kv.createRevision}\n` +
      `"${prefix}ModRevision" : ${kv.modRevision}\n` +
      `"${prefix}Version" : ${kv.version}\n` +
      `"${prefix}Value" : ${goQuote(kv.value)}\n` +
      `"${prefix}Lease" : ${hexToDecimal(kv.lease)}\n`,
  );
}

// ------------------------------------------------------------------------------- key-value

export interface GetResult {
  header: ResponseHeader;
  kvs: KeyValue[];
  more: boolean;
  count: number;
}

export function rangeJson(r: GetResult): string {
  return jsonObject([
    ["header", headerJson(r.header)],
    ["kvs", kvsJson(r.kvs)],
    ["more", r.more ? "true" : undefined],
    ["count", jsonInt(r.count)],
  ]);
}

export function printGet(d: Display, r: GetResult): void {
  switch (d.format) {
    case "simple":
      for (const kv of r.kvs) printKV(d, kv);
      return;
    case "json":
      d.out.out(`${rangeJson(r)}\n`);
      return;
    case "fields":
      fieldsHeader(d, r.header);
      for (const kv of r.kvs) fieldsKV(d, "", kv);
      d.out.out(`"More" : ${r.more}\n"Count" : ${r.count}\n`);
      return;
    default:
      unsupported(d);
  }
}

export interface PutResult {
  header: ResponseHeader;
  prevKv?: KeyValue;
}

export function putJson(r: PutResult): string {
  return jsonObject([
    ["header", headerJson(r.header)],
    ["prev_kv", r.prevKv ? kvJson(r.prevKv) : undefined],
  ]);
}

export function printPut(d: Display, r: PutResult): void {
  switch (d.format) {
    case "simple":
      d.out.out("OK\n");
      if (r.prevKv) printKV(d, r.prevKv);
      return;
    case "json":
      d.out.out(`${putJson(r)}\n`);
      return;
    case "fields":
      fieldsHeader(d, r.header);
      if (r.prevKv) fieldsKV(d, "Prev", r.prevKv);
      return;
    default:
      unsupported(d);
  }
}

export interface DelResult {
  header: ResponseHeader;
  deleted: number;
  prevKvs: KeyValue[];
}

export function delJson(r: DelResult): string {
  return jsonObject([
    ["header", headerJson(r.header)],
    ["deleted", jsonInt(r.deleted)],
    ["prev_kvs", kvsJson(r.prevKvs)],
  ]);
}

export function printDel(d: Display, r: DelResult): void {
  switch (d.format) {
    case "simple":
      d.out.out(`${r.deleted}\n`);
      for (const kv of r.prevKvs) printKV(d, kv);
      return;
    case "json":
      d.out.out(`${delJson(r)}\n`);
      return;
    case "fields":
      fieldsHeader(d, r.header);
      d.out.out(`"Deleted" : ${r.deleted}\n`);
      for (const kv of r.prevKvs) fieldsKV(d, "Prev", kv);
      return;
    default:
      unsupported(d);
  }
}

export type TxnOpResult = ({ type: "range" } & GetResult) | ({ type: "put" } & PutResult) | ({ type: "delete" } & DelResult);

export function printTxn(d: Display, r: { header: ResponseHeader; succeeded: boolean; responses: TxnOpResult[] }): void {
  switch (d.format) {
    case "simple":
      d.out.out(r.succeeded ? "SUCCESS\n" : "FAILURE\n");
      for (const op of r.responses) {
        d.out.out("\n");
        if (op.type === "range") printGet(d, op);
        else if (op.type === "put") printPut(d, op);
        else printDel(d, op);
      }
      return;
    case "json": {
      const ops = r.responses.map((op) => {
        const inner = op.type === "range" ? ["ResponseRange", rangeJson(op)] : op.type === "put" ? ["ResponsePut", putJson(op)] : ["ResponseDeleteRange", delJson(op)];
        return jsonObject([["Response", jsonObject([[inner[0]!, inner[1]]])]]);
      });
      d.out.out(`${jsonObject([["header", headerJson(r.header)], ["succeeded", r.succeeded ? "true" : undefined], ["responses", ops.length ? jsonArray(ops) : undefined]])}\n`);
      return;
    }
    case "fields":
      fieldsHeader(d, r.header);
      d.out.out(`"Succeeded" : ${r.succeeded}\n`);
      for (const op of r.responses) {
        if (op.type === "range") printGet(d, op);
        else if (op.type === "put") printPut(d, op);
        else printDel(d, op);
      }
      return;
    default:
      unsupported(d);
  }
}

/** One watch response: the events of one revision. */
export function printWatch(d: Display, header: ResponseHeader, events: WatchEvent[], withPrev: boolean): void {
  switch (d.format) {
    case "simple":
      for (const e of events) {
        d.out.out(`${e.type}\n`);
        if (withPrev && e.prevKv) printKV(d, e.prevKv);
        printKV(d, e.kv);
      }
      return;
    case "json": {
      const evs = events.map((e) =>
        jsonObject([
          ["type", e.type === "DELETE" ? "1" : undefined],
          ["kv", kvJson(e.kv)],
          ["prev_kv", withPrev && e.prevKv ? kvJson(e.prevKv) : undefined],
        ]),
      );
      d.out.out(`${jsonObject([["Header", headerJson(header)], ["Events", jsonArray(evs)], ["CompactRevision", "0"], ["Canceled", "false"], ["Created", "false"]])}\n`);
      return;
    }
    case "fields":
      fieldsHeader(d, header);
      for (const e of events) {
        d.out.out(`"Type" : ${e.type}\n`);
        if (withPrev && e.prevKv) fieldsKV(d, "Prev", e.prevKv);
        fieldsKV(d, "", e.kv);
      }
      return;
    default:
      unsupported(d);
  }
}

// ------------------------------------------------------------------------------- leases

export function printGrant(d: Display, r: { header: ResponseHeader; id: string; ttl: number }): void {
  switch (d.format) {
    case "simple":
      d.out.out(`lease ${leaseHex(r.id)} granted with TTL(${r.ttl}s)\n`);
      return;
    case "json":
      d.out.out(`${jsonObject([...headerFields(r.header), ["ID", hexToDecimal(r.id)], ["TTL", String(r.ttl)], ["Error", '""']])}\n`);
      return;
    case "fields":
      fieldsHeader(d, r.header);
      d.out.out(`"ID" : ${hexToDecimal(r.id)}\n"TTL" : ${r.ttl}\n`);
      return;
    default:
      unsupported(d);
  }
}

export function printRevoke(d: Display, id: string, header: ResponseHeader): void {
  switch (d.format) {
    case "simple":
      d.out.out(`lease ${leaseHex(id)} revoked\n`);
      return;
    case "json":
      d.out.out(`${jsonObject([["header", headerJson(header)]])}\n`);
      return;
    case "fields":
      fieldsHeader(d, header);
      return;
    default:
      unsupported(d);
  }
}

export function printKeepAlive(d: Display, r: { header: ResponseHeader; id: string; ttl: number }): void {
  switch (d.format) {
    case "simple":
      d.out.out(`lease ${leaseHex(r.id)} keepalived with TTL(${r.ttl})\n`);
      return;
    case "json":
      d.out.out(`${jsonObject([...headerFields(r.header), ["ID", hexToDecimal(r.id)], ["TTL", String(r.ttl)]])}\n`);
      return;
    case "fields":
      fieldsHeader(d, r.header);
      d.out.out(`"ID" : ${hexToDecimal(r.id)}\n"TTL" : ${r.ttl}\n`);
      return;
    default:
      unsupported(d);
  }
}

export function printTimeToLive(
  d: Display,
  r: { header: ResponseHeader; id: string; ttl: number; grantedTtl: number; keys: string[] },
  withKeys: boolean,
): void {
  switch (d.format) {
    case "simple": {
      if (r.grantedTtl === 0 && r.ttl === -1) {
        d.out.out(`lease ${leaseHex(r.id)} already expired\n`);
        return;
      }
      let text = `lease ${leaseHex(r.id)} granted with TTL(${r.grantedTtl}s), remaining(${r.ttl}s)`;
      if (withKeys) text += `, attached keys([${r.keys.join(" ")}])`;
      d.out.out(`${text}\n`);
      return;
    }
    case "json":
      d.out.out(
        `${jsonObject([
          ...headerFields(r.header),
          ["id", hexToDecimal(r.id)],
          ["ttl", String(r.ttl)],
          ["granted-ttl", String(r.grantedTtl)],
          ["keys", r.keys.length ? jsonArray(r.keys.map((k) => jsonString(base64(k)))) : "null"],
        ])}\n`,
      );
      return;
    case "fields":
      fieldsHeader(d, r.header);
      d.out.out(`"ID" : ${hexToDecimal(r.id)}\n"TTL" : ${r.ttl}\n"GrantedTTL" : ${r.grantedTtl}\n`);
      for (const k of r.keys) d.out.out(`"Key" : ${goQuote(k)}\n`);
      return;
    default:
      unsupported(d);
  }
}

export function printLeases(d: Display, r: { header: ResponseHeader; leases: string[] }): void {
  switch (d.format) {
    case "simple":
      d.out.out(`found ${r.leases.length} leases\n`);
      for (const id of r.leases) d.out.out(`${leaseHex(id)}\n`);
      return;
    case "json":
      d.out.out(`${jsonObject([...headerFields(r.header), ["leases", jsonArray(r.leases.map((id) => jsonObject([["id", hexToDecimal(id)]])))]])}\n`);
      return;
    case "fields":
      fieldsHeader(d, r.header);
      for (const id of r.leases) d.out.out(`"ID" : ${hexToDecimal(id)}\n`);
      return;
    default:
      unsupported(d);
  }
}

// ------------------------------------------------------------------------------- cluster

function memberRows(members: MemberInfo[]): string[][] {
  return members.map((m) => [hexId(m.id), m.name ? "started" : "unstarted", m.name, m.peerURLs.join(","), m.clientURLs.join(","), String(m.isLearner)]);
}

export function printMemberList(d: Display, header: ResponseHeader, members: MemberInfo[]): void {
  switch (d.format) {
    case "simple":
      for (const row of memberRows(members)) d.out.out(`${row.join(", ")}\n`);
      return;
    case "table":
      d.out.out(boxTable(["ID", "Status", "Name", "Peer Addrs", "Client Addrs", "Is Learner"], memberRows(members)));
      return;
    case "json":
      if (d.hex) {
        // printMemberListWithHexJSON writes its JSON by hand (note "clientURLS").
        let s = `{"header":{"cluster_id":"${hexId(header.clusterId)}","member_id":"${hexId(header.memberId)}","raft_term":${header.raftTerm}`;
        members.forEach((m, i) => {
          s += i === 0 ? '},"members":[{"ID":"' : ',{"ID":"';
          s += `${hexId(m.id)}","name":"${m.name}","peerURLs":${jsonArray(m.peerURLs.map(jsonString))},"clientURLS":${jsonArray(m.clientURLs.map(jsonString))}}`;
          if (i === members.length - 1) s += "]}";
        });
        d.out.out(`${s}\n`);
        return;
      }
      d.out.out(
        `${jsonObject([
          ["header", headerJson(header, false)],
          [
            "members",
            jsonArray(
              members.map((m) =>
                jsonObject([
                  ["ID", jsonInt(hexToDecimal(m.id))],
                  ["name", m.name ? jsonString(m.name) : undefined],
                  ["peerURLs", jsonArray(m.peerURLs.map(jsonString))],
                  ["clientURLs", jsonArray(m.clientURLs.map(jsonString))],
                  ["isLearner", m.isLearner ? "true" : undefined],
                ]),
              ),
            ),
          ],
        ])}\n`,
      );
      return;
    case "fields": {
      fieldsHeader(d, { ...header, revision: 0 });
      for (const m of members) {
        d.out.out(`"ID" : ${hexToDecimal(m.id)}\n"Name" : ${goQuote(m.name)}\n`);
        for (const u of m.peerURLs) d.out.out(`"PeerURL" : ${goQuote(u)}\n`);
        for (const u of m.clientURLs) d.out.out(`"ClientURL" : ${goQuote(u)}\n`);
        d.out.out(`"IsLearner" : ${m.isLearner}\n\n`);
      }
      return;
    }
    default:
      unsupported(d);
  }
}

export interface EpStatus {
  ep: string;
  status: EndpointStatus;
}

function statusRows(list: EpStatus[]): string[][] {
  return list.map(({ ep, status: s }) => [
    ep,
    hexId(s.header.memberId),
    s.version,
    humanizeBytes(s.dbSize),
    String(s.leader === s.header.memberId),
    String(s.isLearner),
    String(s.raftTerm),
    String(s.raftIndex),
    String(s.raftAppliedIndex),
    s.errors.join(", "),
  ]);
}

export function printEndpointStatus(d: Display, list: EpStatus[]): void {
  switch (d.format) {
    case "simple":
      for (const row of statusRows(list)) d.out.out(`${row.join(", ")}\n`);
      return;
    case "table":
      d.out.out(
        boxTable(["endpoint", "ID", "version", "db size", "is leader", "is learner", "raft term", "raft index", "raft applied index", "errors"], statusRows(list)),
      );
      return;
    case "json":
      d.out.out(
        `${jsonArray(
          list.map(({ ep, status: s }) =>
            jsonObject([
              ["Endpoint", jsonString(ep)],
              [
                "Status",
                jsonObject([
                  ["header", headerJson(s.header)],
                  ["version", jsonString(s.version)],
                  ["dbSize", jsonInt(s.dbSize)],
                  ["leader", jsonInt(hexToDecimal(s.leader))],
                  ["raftIndex", jsonInt(s.raftIndex)],
                  ["raftTerm", jsonInt(s.raftTerm)],
                  ["raftAppliedIndex", jsonInt(s.raftAppliedIndex)],
                  ["errors", s.errors.length ? jsonArray(s.errors.map(jsonString)) : undefined],
                  ["dbSizeInUse", jsonInt(s.dbSizeInUse)],
                ]),
              ],
            ]),
          ),
        )}\n`,
      );
      return;
    case "fields":
      for (const { ep, status: s } of list) {
        fieldsHeader(d, s.header);
        d.out.out(
          `"Version" : ${goQuote(s.version)}\n"DBSize" : ${s.dbSize}\n"Leader" : ${hexToDecimal(s.leader)}\n"IsLearner" : ${s.isLearner}\n` +
            `"RaftIndex" : ${s.raftIndex}\n"RaftTerm" : ${s.raftTerm}\n"RaftAppliedIndex" : ${s.raftAppliedIndex}\n"Errors" : [${s.errors.join(" ")}]\n"Endpoint" : ${goQuote(ep)}\n\n`,
        );
      }
      return;
    default:
      unsupported(d);
  }
}

export interface EpHealth {
  ep: string;
  health: boolean;
  took: string;
  error?: string;
}

export function printEndpointHealth(d: Display, list: EpHealth[]): void {
  switch (d.format) {
    case "simple":
      for (const h of list) {
        if (!h.error) d.out.out(`${h.ep} is healthy: successfully committed proposal: took = ${h.took}\n`);
        else d.out.err(`${h.ep} is unhealthy: failed to commit proposal: ${h.error}\n`);
      }
      return;
    case "table":
      d.out.out(boxTable(["endpoint", "health", "took", "error"], list.map((h) => [h.ep, String(h.health), h.took, h.error ?? ""])));
      return;
    case "json":
      d.out.out(
        `${jsonArray(
          list.map((h) => jsonObject([["endpoint", jsonString(h.ep)], ["health", String(h.health)], ["took", jsonString(h.took)], ["error", h.error ? jsonString(h.error) : undefined]])),
        )}\n`,
      );
      return;
    case "fields":
      for (const h of list) d.out.out(`"Endpoint" : ${goQuote(h.ep)}\n"Health" : ${h.health}\n"Took" : ${h.took}\n"Error" : ${h.error ?? ""}\n\n`);
      return;
    default:
      unsupported(d);
  }
}

export function printHashKV(d: Display, list: Array<{ ep: string; header: ResponseHeader; hash: number; compactRevision: number }>): void {
  switch (d.format) {
    case "simple":
      for (const h of list) d.out.out(`${h.ep}, ${h.hash}\n`);
      return;
    case "table":
      d.out.out(boxTable(["endpoint", "hash"], list.map((h) => [h.ep, String(h.hash)])));
      return;
    case "json":
      d.out.out(
        `${jsonArray(
          list.map((h) =>
            jsonObject([
              ["Endpoint", jsonString(h.ep)],
              ["HashKV", jsonObject([["header", headerJson(h.header)], ["hash", jsonInt(h.hash)], ["compact_revision", jsonInt(h.compactRevision)]])],
            ]),
          ),
        )}\n`,
      );
      return;
    case "fields":
      for (const h of list) {
        fieldsHeader(d, h.header);
        d.out.out(`"Endpoint" : ${goQuote(h.ep)}\n"Hash" : ${h.hash}\n\n`);
      }
      return;
    default:
      unsupported(d);
  }
}

/** Alarm list/disarm: there are never alarms in the simulated cluster. */
export function printAlarm(d: Display, header: ResponseHeader): void {
  switch (d.format) {
    case "simple":
      return;
    case "json":
      d.out.out(`${jsonObject([["header", headerJson(header)]])}\n`);
      return;
    case "fields":
      fieldsHeader(d, header);
      return;
    default:
      unsupported(d);
  }
}

export function printDBStatus(d: Display, s: { hash: number; revision: number; totalKey: number; totalSize: number }): void {
  const row = [s.hash.toString(16), String(s.revision), String(s.totalKey), humanizeBytes(s.totalSize)];
  switch (d.format) {
    case "simple":
      d.out.out(`${row.join(", ")}\n`);
      return;
    case "table":
      d.out.out(boxTable(["hash", "revision", "total keys", "total size"], [row]));
      return;
    case "json":
      d.out.out(`${jsonObject([["hash", String(s.hash)], ["revision", String(s.revision)], ["totalKey", String(s.totalKey)], ["totalSize", String(s.totalSize)]])}\n`);
      return;
    case "fields":
      d.out.out(`"Hash" : ${s.hash}\n"Revision" : ${s.revision}\n"Keys" : ${s.totalKey}\n"Size" : ${s.totalSize}\n`);
      return;
    default:
      unsupported(d);
  }
}
